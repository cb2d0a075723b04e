using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// With an Argo Rollouts controller active (its leader-election Lease renewed), we refuse to drive: a cluster of its
/// own, since the Lease is evidence for every Rollout on it.
/// </summary>
public sealed class RolloutControllerRefusalTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task An_active_Argo_Rollouts_controller_is_named_and_nothing_is_written()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        var renewed = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        await bench.ApplyAsync("coordination.k8s.io/v1", "Lease", $"apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {{name: argo-rollouts-controller-lock}}\nspec: {{holderIdentity: argo-rollouts-1, leaseDurationSeconds: 3600, renewTime: \"{renewed}\"}}\n");

        var refused = await bench.DriveAsync();

        Assert.Equal(RolloutDriveEnd.Refused, refused.End);
        Assert.Contains("argo-rollouts-controller-lock", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await bench.ReplicaSetsAsync());
        Assert.Null((await bench.RolloutAsync())["status"]);
    }
}
