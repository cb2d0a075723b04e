using k8s;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Kubernetes.Connection;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Local.Clusters;

/// <summary>
/// Clusters from a kubeconfig: https://kubernetes.default.svc or the name in-cluster is the current (or given) context,
/// as Argo CD treats its own cluster; any other server or name must match a cluster or context in the kubeconfig.
/// </summary>
public sealed class KubeconfigClusters(string kubeconfigPath, string? context = null) : IClusterConnector
{
    public IClusterClient Connect(ApplicationDestination destination) => ConnectCluster(destination);

    public KubernetesCluster ConnectCluster(ApplicationDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!File.Exists(kubeconfigPath))
        {
            throw new UnknownClusterException($"kubeconfig {kubeconfigPath}: no such file");
        }

        try
        {
            var config = KubeconfigFile.Load(kubeconfigPath);
            var chosen = ContextFor(destination, config, context ?? config.CurrentContext);
            return new KubernetesCluster(new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigObject(config, chosen)));
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw new UnknownClusterException($"kubeconfig {kubeconfigPath}: {e.Message}");
        }
    }

    private string ContextFor(ApplicationDestination destination, k8s.KubeConfigModels.K8SConfiguration config, string? current)
    {
        if (destination.Server == "https://kubernetes.default.svc" || destination.Name == "in-cluster")
        {
            return current ?? throw new UnknownClusterException($"kubeconfig {kubeconfigPath} has no current context; pass --context");
        }

        var contexts = config.Contexts ?? [];
        var match = destination.Name is { } name
            ? contexts.FirstOrDefault(c => c.Name == name || c.ContextDetails?.Cluster == name)
            : contexts.FirstOrDefault(c => (config.Clusters ?? []).Any(k => k.Name == c.ContextDetails?.Cluster && k.ClusterEndpoint?.Server?.TrimEnd('/') == destination.Server?.TrimEnd('/')));
        return match?.Name ?? throw new UnknownClusterException(
            $"spec.destination: {destination.Name ?? destination.Server} names no context or cluster in {kubeconfigPath} (contexts: {string.Join(", ", contexts.Select(c => c.Name))})");
    }
}
