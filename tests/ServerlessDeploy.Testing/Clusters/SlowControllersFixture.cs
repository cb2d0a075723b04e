using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.Testing.Clusters;

/// <summary>A local API server whose simulated controllers take two seconds to finish a rollout or a Job.</summary>
public sealed class SlowControllersFixture : ClusterFixture
{
    protected override LocalClusterOptions Options => base.Options with { ControllerDelay = TimeSpan.FromSeconds(2) };
}
