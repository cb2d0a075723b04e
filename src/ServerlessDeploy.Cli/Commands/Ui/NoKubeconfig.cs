using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>`sdeploy ui` without --kubeconfig: pages show the state, and say why nothing live is shown.</summary>
internal sealed class NoKubeconfig : IClusterConnector
{
    public ClusterConnection Connect(ApplicationDestination destination) =>
        ClusterConnection.Unknown("no --kubeconfig was given to `sdeploy ui`, so the cluster is not read");
}
