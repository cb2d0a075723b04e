using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Testing.Clusters;
using Xunit;

namespace ServerlessDeploy.Testing.Rollouts;

/// <summary>Installs the project's Rollout CustomResourceDefinition on a test cluster, as a cluster without Argo Rollouts needs it.</summary>
public static class RolloutCrd
{
    public static async Task InstallAsync(ClusterFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var cluster = new KubernetesCluster(fixture.Client);
        var crd = (await cluster.FindTypeAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", CancellationToken.None)).Type;
        Assert.NotNull(crd);
        var applied = await cluster.ApplyAsync(crd, RolloutDefinition.Create(), new ApplyOptions(), CancellationToken.None);
        Assert.True(applied.Succeeded, applied.Message);
    }
}
