using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>A local API server whose simulated controllers take two seconds to finish a rollout or a Job.</summary>
public sealed class SlowControllersFixture : ClusterFixture
{
    protected override LocalClusterOptions Options => base.Options with { ControllerDelay = TimeSpan.FromSeconds(2) };
}
