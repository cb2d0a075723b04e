using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Local.Clusters;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>The cluster an Application's destination names in the --kubeconfig file (see <see cref="KubeconfigClusters"/>); problems are invalid input.</summary>
internal static class ClusterTarget
{
    public static IClusterClient Connect(Application app, string? kubeconfig, string? context) => Connect(app.Destination, kubeconfig, context);

    public static IClusterClient Connect(ApplicationDestination destination, string? kubeconfig, string? context)
    {
        if (kubeconfig is null)
        {
            throw CliFailure.Input("--kubeconfig is required to reach the cluster");
        }

        var connection = new KubeconfigClusters(kubeconfig, context).Connect(destination);
        return connection.IsConnected ? connection.Client : throw CliFailure.Input(connection.Problem);
    }
}
