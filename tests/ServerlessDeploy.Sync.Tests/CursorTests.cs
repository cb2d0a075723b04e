using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// The saved sync: a process killed right after a step's write resumes from the saved cursor without applying or
/// creating again what finished; a cursor whose save is refused (superseded) stops at once.
/// </summary>
public sealed class CursorTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_sync_killed_after_a_steps_write_resumes_without_repeating_the_finished_hook_or_apply()
    {
        var app = TestApps.Create(TestApps.UniqueName("killed"), "continuation");
        // Killed right after the Sync/0 apply step was saved done: its Deployment exists, the PreSync hook ran before it.
        var dying = new KillingCheckpoint(c => c.Steps.Any(s => s is ApplyStep { Wave: 0, State: StepState.Done }));

        await Assert.ThrowsAsync<ProcessKilledException>(() => _deployer.SyncAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, Checkpoint: dying)));

        var saved = dying.Last!;
        Assert.IsType<HealthGateStep>(saved.Current);
        var resumed = new KillingCheckpoint(_ => false);
        var second = await _deployer.SyncAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, Cursor: saved, Checkpoint: resumed));

        Assert.True(second.Succeeded, second.Message);
        Assert.DoesNotContain(second.Resources, r => r.Action == ResourceAction.HookCreated);
        Assert.DoesNotContain(second.Resources, r => r.Key.Name == "web" && r.Action is ResourceAction.Created or ResourceAction.Configured);
        Assert.Contains(second.Resources, r => r.Key.Name == "after" && r.Action == ResourceAction.Created);
        Assert.Contains(second.Resources, r => r.Action == ResourceAction.HookDeleted);
        Assert.Equal(CursorStatus.Succeeded, resumed.Last!.Status);
        Assert.All(resumed.Last.Steps, s => Assert.Equal(StepState.Done, s.State));
        Assert.True(resumed.Last.Version > saved.Version);
    }

    [Fact]
    public async Task A_sync_whose_cursor_save_is_refused_stops_as_superseded_before_writing_more()
    {
        var app = TestApps.Create(TestApps.UniqueName("superseded"), "continuation");

        var result = await _deployer.SyncAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, Checkpoint: new RefusingCheckpoint()));

        Assert.True(result.IsSuperseded, result.Message);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Resources);
        Assert.Empty((await fixture.Client.BatchV1.ListNamespacedJobAsync(app.Name)).Items);
    }

    private sealed class ProcessKilledException : Exception;

    /// <summary>Keeps every saved cursor; once <paramref name="killAfter"/> holds for a saved one, dies as a killed process would.</summary>
    private sealed class KillingCheckpoint(Func<SyncCursor, bool> killAfter) : ICursorCheckpoint
    {
        public SyncCursor? Last { get; private set; }

        public Task<bool> SaveAsync(SyncCursor cursor, CancellationToken cancellationToken)
        {
            Assert.True(Last is null || cursor.Version > Last.Version, "versions go up with every save");
            Last = cursor;
            return killAfter(cursor) ? throw new ProcessKilledException() : Task.FromResult(true);
        }
    }

    private sealed class RefusingCheckpoint : ICursorCheckpoint
    {
        public Task<bool> SaveAsync(SyncCursor cursor, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
