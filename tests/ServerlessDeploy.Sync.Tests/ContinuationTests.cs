using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// A sync that must answer before a deadline (a Lambda invocation) stops while waiting for health and is continued by a
/// later request: earlier steps and hooks are not run again, and the hook it created is waited on and deleted as its policy says.
/// </summary>
public sealed class ContinuationTests(SlowControllersFixture fixture) : IClassFixture<SlowControllersFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_sync_out_of_time_is_suspended_at_the_step_it_waits_on_and_resumed_without_creating_its_hook_again()
    {
        var app = TestApps.Create(TestApps.UniqueName("continued"), "continuation");

        var first = await _deployer.SyncAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, StopBy: DateTimeOffset.UtcNow.AddMilliseconds(500)));

        Assert.False(first.Succeeded);
        Assert.True(first.IsWaiting, first.Message);
        var suspended = first.Cursor!;
        Assert.IsType<HealthGateStep>(suspended.Current);
        Assert.StartsWith("PreSync", suspended.Current!.Name, StringComparison.Ordinal);
        Assert.Equal(StepState.Done, Assert.IsType<HookStep>(suspended.Steps[suspended.Position - 1]).State);
        Assert.NotNull(suspended.Wait);
        var jobs = await fixture.Client.BatchV1.ListNamespacedJobAsync(app.Name);
        var hook = Assert.Single(jobs.Items);
        Assert.Null(await Live.FindAsync(() => fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", app.Name)));

        var second = await _deployer.SyncAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, Cursor: suspended));

        Assert.True(second.Succeeded, second.Message);
        Assert.False(second.IsWaiting);
        Assert.Equal(CursorStatus.Succeeded, second.Cursor!.Status);
        Assert.DoesNotContain(second.Resources, r => r.Action == ResourceAction.HookCreated);
        Assert.Contains(second.Resources, r => r.Key.Name == hook.Metadata.Name && r.Action == ResourceAction.HookDeleted);
        Assert.Empty((await fixture.Client.BatchV1.ListNamespacedJobAsync(app.Name)).Items);
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("after", app.Name)));
        Assert.Equal(HealthStatus.Healthy, second.Health);
    }

    [Fact]
    public async Task A_sync_that_finishes_before_its_deadline_is_not_suspended()
    {
        var app = TestApps.Create(TestApps.UniqueName("in-time"), "continuation");

        var result = await _deployer.SyncAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, StopBy: DateTimeOffset.UtcNow.AddSeconds(60)));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.IsWaiting);
    }
}
