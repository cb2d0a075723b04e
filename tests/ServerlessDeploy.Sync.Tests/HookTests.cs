using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Hooks: a failed PreSync hook stops the sync and runs SyncFail; delete policies; generateName.</summary>
public sealed class HookTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_failed_PreSync_hook_stops_the_sync_before_the_Sync_phase_and_runs_the_SyncFail_hooks()
    {
        var app = TestApps.Create(TestApps.UniqueName("presync-fails"), "hooks/failed-presync");

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.Contains($"batch/Job:{app.Name}/migrate", result.Message, StringComparison.Ordinal);
        Assert.Null(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("app-config", app.Name)));
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.BatchV1.ReadNamespacedJobAsync("cleanup", app.Name)));
        Assert.Contains(result.Resources, r => r.Phase == SyncPhase.SyncFail && r.Key.Name == "cleanup" && r.Succeeded);
    }

    [Fact]
    public async Task A_HookSucceeded_hook_is_deleted_once_the_sync_has_succeeded()
    {
        var app = TestApps.Create(TestApps.UniqueName("hook-succeeded"), "hooks/succeeded");

        var result = await _deployer.SyncOkAsync(app);

        Assert.Contains(result.Resources, r => r.Key.Name == "once" && r.Action == ResourceAction.HookCreated);
        Assert.Contains(result.Resources, r => r.Key.Name == "once" && r.Action == ResourceAction.HookDeleted);
        Assert.Null(await Live.FindAsync(() => fixture.Client.BatchV1.ReadNamespacedJobAsync("once", app.Name)));
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("app-config", app.Name)));
        Assert.Equal(HealthStatus.Healthy, result.Health);
        Assert.True((await _deployer.CompareAsync(app)).InSync, "the deleted hook counts as missing");
    }

    [Fact]
    public async Task A_BeforeHookCreation_hook_is_replaced_on_the_next_sync()
    {
        var app = TestApps.Create(TestApps.UniqueName("hook-recreated"), "hooks/recreated");
        await _deployer.SyncOkAsync(app);
        var first = await fixture.Client.BatchV1.ReadNamespacedJobAsync("migrate", app.Name);

        await _deployer.SyncOkAsync(app);

        var second = await fixture.Client.BatchV1.ReadNamespacedJobAsync("migrate", app.Name);
        Assert.NotEqual(first.Metadata.Uid, second.Metadata.Uid);
    }

    [Fact]
    public async Task A_hook_with_only_generateName_is_created_with_a_name_and_tracked()
    {
        var app = TestApps.Create(TestApps.UniqueName("hook-generated"), "hooks/generate-name");

        await _deployer.SyncOkAsync(app);

        var jobs = (await fixture.Client.BatchV1.ListNamespacedJobAsync(app.Name)).Items;
        var seed = Assert.Single(jobs, j => j.Metadata.Name.StartsWith("seed-", StringComparison.Ordinal));
        Assert.StartsWith($"{app.Name}:batch/Job:{app.Name}/seed-", Live.TrackingId(seed.Metadata), StringComparison.Ordinal);
        Assert.True((await _deployer.CompareAsync(app)).InSync, "the hook left by the sync counts as extraneous");
    }
}
