using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>The engine's view of the fixture's server: only these tests drive the engine directly.</summary>
internal static class ClusterFixtureExtensions
{
    /// <summary>The engine's cluster port over a KubernetesClient of this server (fresh discovery each time).</summary>
    public static KubernetesCluster Cluster(this ClusterFixture fixture) => new(fixture.Client);
}
