using System.Text.Json.Nodes;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Argo CD's order: PreSync hooks, then waves (negative first), kinds in order within a wave, then PostSync; health awaited in between.</summary>
public sealed class OrderTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Hooks_waves_and_kinds_are_applied_in_order()
    {
        var app = TestApps.Create(TestApps.UniqueName("order"), "order");
        var from = await History.NowAsync(fixture.Client);

        await _deployer.SyncOkAsync(app);

        var history = await History.SinceAsync(fixture.Client, app.Name, from);
        Assert.Equal(
            ["Job/pre", "ConfigMap/early", "ServiceAccount/runner", "Secret/creds", "ConfigMap/settings", "Service/web", "Deployment/web", "ConfigMap/late", "Job/post"],
            history.CreationOrder());
    }

    [Fact]
    public async Task The_next_step_starts_only_once_the_previous_one_is_healthy()
    {
        var app = TestApps.Create(TestApps.UniqueName("health-gate"), "order");
        var from = await History.NowAsync(fixture.Client);

        await _deployer.SyncOkAsync(app);

        var history = await History.SinceAsync(fixture.Client, app.Name, from);
        Assert.True(
            history.FirstWhen("Job", "pre", JobComplete, "complete") < history.Created("ConfigMap", "early"),
            "the Sync phase began before the PreSync hook completed");
        Assert.True(
            history.FirstWhen("Deployment", "web", DeploymentAvailable, "available") < history.Created("ConfigMap", "late"),
            "wave 1 was applied before the wave-0 Deployment was available");
    }

    private static bool JobComplete(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray ?? []).Any(c => c?["type"]?.ToString() == "Complete" && c["status"]?.ToString() == "True");

    private static bool DeploymentAvailable(JsonObject deployment)
    {
        var replicas = deployment["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        var status = deployment["status"];
        return status?["availableReplicas"]?.GetValue<int>() == replicas
            && status["updatedReplicas"]?.GetValue<int>() == replicas
            && status["observedGeneration"]?.GetValue<long>() >= deployment["metadata"]?["generation"]?.GetValue<long>();
    }
}
