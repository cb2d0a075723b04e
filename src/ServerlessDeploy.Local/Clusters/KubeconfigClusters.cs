using k8s;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Kubernetes.Connection;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Local.Clusters;

/// <summary>
/// Clusters from a kubeconfig: https://kubernetes.default.svc or the name in-cluster is the current (or given) context,
/// as Argo CD treats its own cluster; any other server or name must match a cluster or context in the kubeconfig.
/// </summary>
public sealed class KubeconfigClusters(string kubeconfigPath, string? context = null) : IClusterConnector
{
    /// <summary>Whether the kubeconfig's credentials may list across all namespaces (see <see cref="ClusterConnection.ClusterRead"/>); a kubeconfig cannot say, so the caller does.</summary>
    public bool ClusterRead { get; init; } = true;

    /// <summary>Discovery shared by every connection of a process that lives long (`sdeploy ui`, `events replay`); null reads it afresh per connect.</summary>
    public DiscoveryCache? Discovery { get; init; }

    public ClusterConnection Connect(ApplicationDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!File.Exists(kubeconfigPath))
        {
            return ClusterConnection.Unknown($"kubeconfig {kubeconfigPath}: no such file");
        }

        try
        {
            var config = KubeconfigFile.Load(kubeconfigPath);
            var (chosen, problem) = ContextFor(destination, config, context ?? config.CurrentContext);
            return chosen is null
                ? ClusterConnection.Unknown(problem)
                : ClusterConnection.To(new KubernetesCluster(new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigObject(config, chosen)), discovery: Discovery), ClusterRead);
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            // The client library reports a malformed kubeconfig by throwing; here it becomes the connection's problem.
            return ClusterConnection.Unknown($"kubeconfig {kubeconfigPath}: {e.Message}");
        }
    }

    /// <summary>The context the destination names, or (null) the problem why none does.</summary>
    private (string? Context, string Problem) ContextFor(ApplicationDestination destination, k8s.KubeConfigModels.K8SConfiguration config, string? current)
    {
        if (destination.Server == "https://kubernetes.default.svc" || destination.Name == "in-cluster")
        {
            return (current, current is null ? $"kubeconfig {kubeconfigPath} has no current context; pass --context" : "");
        }

        var contexts = config.Contexts ?? [];
        var match = destination.Name is { } name
            ? contexts.FirstOrDefault(c => c.Name == name || c.ContextDetails?.Cluster == name)
            : contexts.FirstOrDefault(c => (config.Clusters ?? []).Any(k => k.Name == c.ContextDetails?.Cluster && k.ClusterEndpoint?.Server?.TrimEnd('/') == destination.Server?.TrimEnd('/')));
        return (match?.Name, match is null
            ? $"spec.destination: {destination.Name ?? destination.Server} names no context or cluster in {kubeconfigPath} (contexts: {string.Join(", ", contexts.Select(c => c.Name))})"
            : "");
    }
}
