using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>The cluster an Application's destination names in the --kubeconfig file (see <see cref="KubeconfigClusters"/>); problems are invalid input.</summary>
internal static class ClusterTarget
{
    public static KubernetesCluster Connect(Application app, string? kubeconfig, string? context)
    {
        if (kubeconfig is null)
        {
            throw CliFailure.Input("--kubeconfig is required to reach the cluster");
        }

        try
        {
            return new KubeconfigClusters(kubeconfig, context).ConnectCluster(app.Destination);
        }
        catch (UnknownClusterException e)
        {
            throw CliFailure.Input(e.Message);
        }
    }
}
