using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>A local API server that answers half the applies with 429 and Retry-After, with seeded dice.</summary>
public sealed class ThrottlingClusterFixture : ClusterFixture
{
    protected override LocalClusterOptions Options => base.Options with { Faults = [FaultRule.Parse("kind=429,verb=apply,p=0.5")], FaultSeed = 7 };
}
