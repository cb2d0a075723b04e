using k8s;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Kubernetes;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// The cluster an Application's destination names, from a kubeconfig: https://kubernetes.default.svc or the name
/// in-cluster is the current (or --context) context, as Argo CD treats its own cluster; any other server or name must
/// match a cluster or context in the kubeconfig.
/// </summary>
internal static class ClusterTarget
{
    public static KubernetesCluster Connect(Application app, string? kubeconfig, string? context)
    {
        if (kubeconfig is null)
        {
            throw CliFailure.Input("--kubeconfig is required to reach the cluster");
        }

        if (!File.Exists(kubeconfig))
        {
            throw CliFailure.Input($"kubeconfig {kubeconfig}: no such file");
        }

        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(kubeconfig));
        var chosen = ContextFor(app.Destination, config, context ?? config.CurrentContext, kubeconfig);
        try
        {
            return new KubernetesCluster(new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigObject(config, chosen)));
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw CliFailure.Input($"kubeconfig {kubeconfig}: {e.Message}");
        }
    }

    private static string ContextFor(ApplicationDestination destination, k8s.KubeConfigModels.K8SConfiguration config, string? current, string file)
    {
        if (destination.Server == "https://kubernetes.default.svc" || destination.Name == "in-cluster")
        {
            return current ?? throw CliFailure.Input($"kubeconfig {file} has no current context; pass --context");
        }

        var contexts = config.Contexts ?? [];
        var match = destination.Name is { } name
            ? contexts.FirstOrDefault(c => c.Name == name || c.ContextDetails?.Cluster == name)
            : contexts.FirstOrDefault(c => (config.Clusters ?? []).Any(k => k.Name == c.ContextDetails?.Cluster && k.ClusterEndpoint?.Server?.TrimEnd('/') == destination.Server?.TrimEnd('/')));
        return match?.Name ?? throw CliFailure.Input(
            $"spec.destination: {destination.Name ?? destination.Server} names no context or cluster in {file} (contexts: {string.Join(", ", contexts.Select(c => c.Name))})");
    }
}
