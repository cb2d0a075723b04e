using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes.Connection;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>
/// The cluster and namespace a `sdeploy rollouts` verb acts on, as kubectl picks them: the kubeconfig's current (or
/// --context) context, and -n or else that context's namespace. Problems are invalid input.
/// </summary>
internal sealed record RolloutTarget(IClusterClient Cluster, string Namespace)
{
    private const string InCluster = "https://kubernetes.default.svc";

    public static RolloutTarget Resolve(string? kubeconfig, string? context, string? ns)
    {
        // Connecting first names a missing or malformed kubeconfig before the namespace is looked for in it.
        var cluster = ClusterTarget.Connect(new ApplicationDestination(InCluster, null, ns ?? ""), kubeconfig, context);
        return new RolloutTarget(cluster, ns ?? ContextNamespace(kubeconfig ?? "", context));
    }

    private static string ContextNamespace(string kubeconfig, string? context)
    {
        var config = KubeconfigFile.Load(kubeconfig);
        var name = context ?? config.CurrentContext;
        return (config.Contexts ?? []).FirstOrDefault(c => c.Name == name)?.ContextDetails?.Namespace is { Length: > 0 } found
            ? found
            : throw CliFailure.Input($"-n/--namespace is required: kubeconfig context '{name}' names no namespace");
    }
}
