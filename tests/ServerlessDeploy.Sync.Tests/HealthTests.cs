using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>The application's health is the worst of its resources'; a rollout that never becomes available fails the sync.</summary>
public sealed class HealthTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task The_application_is_as_healthy_as_its_worst_resource()
    {
        var app = TestApps.Create(TestApps.UniqueName("worst-of"), "health/suspended");

        var result = await _deployer.SyncOkAsync(app);

        Assert.Equal(HealthStatus.Suspended, result.Health);
    }

    [Fact]
    public async Task An_image_that_never_becomes_available_fails_the_sync_as_Degraded()
    {
        var app = TestApps.Create(TestApps.UniqueName("degraded"), "health/failing");

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.Equal(HealthStatus.Degraded, result.Health);
        Assert.Contains($"apps/Deployment:{app.Name}/web is Degraded: Deployment \"web\" exceeded its progress deadline", result.Message, StringComparison.Ordinal);
        var live = await fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", app.Name);
        Assert.Equal("ProgressDeadlineExceeded", Assert.Single(live.Status.Conditions, c => c.Type == "Progressing").Reason);
        Assert.Null(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("after", app.Name)));
    }

    [Fact]
    public async Task A_failed_sync_is_tried_again_as_the_retry_policy_says_then_reported_with_its_attempts()
    {
        var app = TestApps.Create(TestApps.UniqueName("retried"), "health/failing", spec => spec["syncPolicy"]!["retry"] = new System.Text.Json.Nodes.JsonObject
        {
            ["limit"] = 1,
            ["backoff"] = new System.Text.Json.Nodes.JsonObject { ["duration"] = "100ms", ["factor"] = 2, ["maxDuration"] = "1s" },
        });

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.EndsWith("(after 2 attempts)", result.Message, StringComparison.Ordinal);
    }
}
