using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>
/// The shared cluster fixture with no simulated controller writing status behind the bare API operations under test.
/// Tests share the server, so each works in a namespace (or on names) of its own.
/// </summary>
public sealed class NoControllersFixture : ClusterFixture
{
    protected override LocalClusterOptions Options => new() { SimulateControllers = false };
}
