using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;
using ServerlessDeploy.Testing.Time;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// A sync drives the Rollouts it applies: it ends when each is healthy or paused (the app Suspended), fails on one
/// aborted or degraded, and a sync or a comparison in the middle of a canary changes nothing and sees no drift in what
/// the rollout wrote.
/// </summary>
public sealed class RolloutSyncTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly string[] NewImage = ["nginx=nginx:1.28"];

    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_sync_of_a_new_image_ends_at_the_indefinite_pause_with_the_app_Suspended()
    {
        var app = await AppAsync("ro-sync");
        var first = await _deployer.SyncOkAsync(app);

        var second = await SyncAsync(app, NewImage);

        Assert.Equal(HealthStatus.Healthy, first.Health);
        Assert.Equal(RolloutDriveEnd.Healthy, Assert.Single(first.Rollouts).End);
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(HealthStatus.Suspended, second.Health);
        var drive = Assert.Single(second.Rollouts);
        Assert.Equal((RolloutDriveEnd.Paused, 1, 4), (drive.End, drive.Progress.StepIndex, drive.Progress.StepCount));
        Assert.Contains(drive.Transitions, t => t.Kind == RolloutTransitionKind.WeightChanged && t.CanaryWeight == 25);
    }

    [Fact]
    public async Task A_sync_and_a_comparison_in_the_middle_of_a_canary_change_nothing_and_see_no_drift()
    {
        var app = await AppAsync("ro-tick");
        await _deployer.SyncOkAsync(app);
        await SyncAsync(app, NewImage);
        var requests = new RequestsSince(fixture.Server);

        var comparison = await _deployer.Engine().CompareAsync(app, TestApps.Repository, NewImage, CancellationToken.None);
        var again = await SyncAsync(app, NewImage, prune: true);

        Assert.True(comparison.InSync, string.Join("; ", comparison.OutOfSync.Select(d => d.Key.ToString())));
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(0, requests.Writes);
        Assert.Equal(RolloutDriveEnd.Paused, Assert.Single(again.Rollouts).End);
        Assert.DoesNotContain(again.Resources, r => r.Action is ResourceAction.Pruned);
    }

    [Fact]
    public async Task An_aborted_rollout_fails_the_sync_and_the_app_is_Degraded_while_Git_names_the_new_revision()
    {
        var app = await AppAsync("ro-abort");
        await _deployer.SyncOkAsync(app);
        await SyncAsync(app, NewImage);
        await fixture.Kubectl.SucceedAsync("-n", app.Destination.Namespace, "patch", "rollout", "web", "--subresource=status", "--type=merge", "-p", """{"status":{"abort":true}}""");

        var result = await SyncAsync(app, NewImage);

        Assert.False(result.Succeeded);
        Assert.Contains("Rollout", result.Message, StringComparison.Ordinal);
        Assert.Contains("is Degraded: RolloutAborted: Rollout aborted update to revision 2", result.Message, StringComparison.Ordinal);
        Assert.Equal(RolloutDriveEnd.Degraded, Assert.Single(result.Rollouts).End);
    }

    [Fact]
    public async Task A_promotion_patch_is_honoured_by_the_next_sync_which_waits_out_the_short_timed_pause()
    {
        var app = await AppAsync("ro-promote");
        await _deployer.SyncOkAsync(app);
        await SyncAsync(app, NewImage);
        await fixture.Kubectl.SucceedAsync("-n", app.Destination.Namespace, "patch", "rollout", "web", "--subresource=status", "--type=merge", "-p", """{"status":{"pauseConditions":null}}""");

        var result = await SyncAsync(app, NewImage);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(HealthStatus.Healthy, result.Health);
        Assert.Equal(RolloutDriveEnd.Healthy, Assert.Single(result.Rollouts).End);
    }

    [Fact]
    public async Task A_long_timed_pause_leaves_the_sync_waiting_until_its_end_and_the_sync_woken_then_finishes_the_canary()
    {
        var app = await AppAsync("ro-durable", "rollout-long-pause");
        await _deployer.SyncOkAsync(app);

        var waiting = await SyncAsync(app, NewImage, stopBy: DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20));

        Assert.True(waiting.IsWaiting, waiting.Message);
        var wait = waiting.Cursor.Wait;
        Assert.NotNull(wait);
        Assert.InRange(wait.WakeAt, DateTimeOffset.UtcNow + TimeSpan.FromMinutes(59), DateTimeOffset.UtcNow + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        Assert.Null(wait.GivesUpAt);
        Assert.Equal((RolloutDriveEnd.Waiting, 1), (Assert.Single(waiting.Rollouts).End, Assert.Single(waiting.Rollouts).Progress.StepIndex));

        // The wake-up comes an hour later: the same cursor continued by an invocation whose clock reads then.
        var later = new ShiftedClock(wait.WakeAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        var woken = await new SyncEngine(fixture.Cluster(), new Rendering.ManifestRenderer(Rendering.Tools.ToolPaths.FromProcess(), new Rendering.Processes.ProcessRunner()), later)
            .SyncAsync(app, Core.Applications.AppProject.Default, TestApps.Repository, Deployer.Revision, new SyncRequest(HealthTimeout: Deployer.HealthTimeout, Cursor: waiting.Cursor), NewImage, CancellationToken.None);

        Assert.True(woken.Succeeded, woken.Message);
        Assert.Equal(HealthStatus.Healthy, woken.Health);
        Assert.Equal(RolloutDriveEnd.Healthy, Assert.Single(woken.Rollouts).End);
    }

    [Fact]
    public async Task Spec_paused_set_by_a_person_is_no_drift_and_a_sync_keeps_the_rollout_paused()
    {
        var app = await AppAsync("ro-person");
        await _deployer.SyncOkAsync(app);
        await fixture.Kubectl.SucceedAsync("-n", app.Destination.Namespace, "patch", "rollout", "web", "--type=merge", "-p", """{"spec":{"paused":true}}""");

        var comparison = await _deployer.Engine().CompareAsync(app, TestApps.Repository, NewImage, CancellationToken.None);
        var result = await SyncAsync(app, NewImage);

        Assert.Equal(["argoproj.io/Rollout:" + app.Destination.Namespace + "/web"], comparison.OutOfSync.Select(d => d.Key.ToString()));
        Assert.DoesNotContain("paused", comparison.OutOfSync[0].Text, StringComparison.Ordinal);
        Assert.True(result.Succeeded, result.Message);
        var drive = Assert.Single(result.Rollouts);
        Assert.Equal((RolloutDriveEnd.Paused, "spec.paused"), (drive.End, drive.Message));
        Assert.Equal(HealthStatus.Suspended, result.Health);
        var paused = await fixture.Kubectl.SucceedAsync("-n", app.Destination.Namespace, "get", "rollout", "web", "-o", "jsonpath={.spec.paused}");
        Assert.Equal("true", paused);
    }

    private Task<SyncResult> SyncAsync(Core.Applications.Application app, IReadOnlyList<string> images, bool prune = false, DateTimeOffset? stopBy = null) =>
        _deployer.Engine().SyncAsync(app, Core.Applications.AppProject.Default, TestApps.Repository, Deployer.Revision, new SyncRequest(Prune: prune, HealthTimeout: Deployer.HealthTimeout, StopBy: stopBy), images, CancellationToken.None);

    /// <summary>The rollout app, with Argo's kind served (our definition applied; the sync installing it is tested elsewhere).</summary>
    private async Task<Core.Applications.Application> AppAsync(string prefix, string path = "rollout")
    {
        await RolloutCrd.InstallAsync(fixture);
        return TestApps.Create(TestApps.UniqueName(prefix), path);
    }
}
