using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// A Rollout in the pipeline: a sync that leaves it at an indefinite pause books a look at it a minute later, and each
/// look that finds nothing changed doubles the wait up to 30 minutes; a patch made meanwhile is noticed by the next look
/// and the Rollout goes on; a remote action is applied and driven at once with its requester recorded; every transition
/// is told once, however often its message comes.
/// </summary>
public sealed class RolloutWatchTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken Token = CancellationToken.None;

    private readonly RecordingTimer _timer = new();
    private PipelineRun? _run;
    private string? _head;

    private PipelineRun Run => _run ?? throw new InvalidOperationException("not initialised");

    private string App => Run.Config.App("a");

    private string Namespace => Run.Config.Namespace("a");

    public async Task InitializeAsync()
    {
        await RolloutCrd.InstallAsync(cluster);
        _run = new PipelineRun(cluster, timer: _timer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sync_to_an_indefinite_pause_books_a_look_a_minute_later_and_unchanged_looks_back_off_to_30_minutes()
    {
        var syncedAt = DateTimeOffset.UtcNow;
        await PausedAsync();

        var state = await StateAsync();
        Assert.Equal(HealthCode.Suspended, state.Health);
        var watch = Assert.Single(state.WatchedRollouts ?? []);
        Assert.Equal((Namespace, "web", TimeSpan.FromMinutes(1)), (watch.Namespace, watch.Name, watch.Backoff));
        var booked = Assert.Single(_timer.Booked);
        Assert.Equal((WakeUp.Of(App, new RolloutWakeUp(Namespace, "web", watch.Version)), watch.LooksAt), booked);
        Assert.InRange(booked.DueAt - syncedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(30));
        var told = Run.Notifier.Notifications;
        Assert.Equal(NotificationKind.SyncSucceeded, told[^1].Kind);
        Assert.Contains(told, n => n is { Kind: NotificationKind.RolloutWeightChanged, Rollout: { PreviousCanaryWeight: 0, CanaryWeight: 25 } });
        Assert.Contains(told, n => n is { Kind: NotificationKind.RolloutPaused, Rollout.StepIndex: 1 });

        var backoffs = new List<double>();
        for (var look = 0; look < 6; look++)
        {
            var woken = await Run.Local.Deployer.WakeAsync(_timer.Booked[^1].WakeUp, null, Token);
            Assert.Equal(DeployOutcomeKind.Deployed, woken.Kind);
            var next = Assert.Single((await StateAsync()).WatchedRollouts ?? []);
            Assert.Equal(next.LooksAt, _timer.Booked[^1].DueAt);
            backoffs.Add(next.Backoff.TotalMinutes);
        }

        Assert.Equal([2, 4, 8, 16, 30, 30], backoffs);
        Assert.Equal(7, _timer.Booked.Count);
        Assert.Equal(RolloutPauseAt(1), await ProgressAsync());
    }

    [Fact]
    public async Task A_paused_rollout_with_a_restart_due_before_its_next_look_is_looked_at_when_the_restart_is_due()
    {
        await PausedAsync();
        var restartAt = DateTimeOffset.UtcNow.AddSeconds(40);
        var at = restartAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await cluster.Kubectl.SucceedAsync("-n", Namespace, "patch", "rollout", "web", "--type=merge", "-p", $$$"""{"spec":{"restartAt":"{{{at}}}"}}""");

        // This invocation must answer within seconds, before the restart: the look is booked at it, not two minutes on.
        var woken = await Run.Local.Deployer.WakeAsync(_timer.Booked[^1].WakeUp, DateTimeOffset.UtcNow.AddSeconds(25), Token);

        Assert.Equal(DeployOutcomeKind.Deployed, woken.Kind);
        var watch = Assert.Single((await StateAsync()).WatchedRollouts ?? []);
        Assert.Equal(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), watch.LooksAt);
        Assert.Equal(watch.LooksAt, _timer.Booked[^1].DueAt);
    }

    [Fact]
    public async Task A_patch_made_meanwhile_is_noticed_at_the_next_look_and_the_rollout_goes_on_to_healthy()
    {
        await PausedAsync();
        await Run.Local.Deployer.WakeAsync(_timer.Booked[^1].WakeUp, null, Token);
        var before = Run.Notifier.Notifications.Count;
        await cluster.Kubectl.SucceedAsync("-n", Namespace, "patch", "rollout", "web", "--subresource=status", "--type=merge", "-p", """{"status":{"pauseConditions":null}}""");

        var woken = await Run.Local.Deployer.WakeAsync(_timer.Booked[^1].WakeUp, null, Token);

        Assert.Equal(DeployOutcomeKind.Deployed, woken.Kind);
        Assert.Contains("Healthy", woken.Message, StringComparison.Ordinal);
        var state = await StateAsync();
        Assert.Empty(state.WatchedRollouts ?? []);
        Assert.Equal(HealthCode.Healthy, state.Health);
        Assert.Equal(2, _timer.Booked.Count);
        var told = Run.Notifier.Notifications.Skip(before).ToList();
        Assert.Contains(told, n => n is { Kind: NotificationKind.RolloutWeightChanged, Rollout: { PreviousCanaryWeight: 25, CanaryWeight: 50 } });
        Assert.All(told, n => Assert.Equal((App, Namespace, "web"), (n.App, n.Rollout?.Namespace, n.Rollout?.Name)));
        Assert.Equal("Healthy", (await RolloutAsync())["status"]?["phase"]?.ToString());
    }

    [Fact]
    public async Task Transitions_are_told_once_when_a_wake_up_or_an_action_is_delivered_twice()
    {
        await PausedAsync();
        var wakeUp = _timer.Booked[^1].WakeUp;
        await cluster.Kubectl.SucceedAsync("-n", Namespace, "patch", "rollout", "web", "--subresource=status", "--type=merge", "-p", """{"status":{"pauseConditions":null}}""");
        var before = Run.Notifier.Notifications.Count;

        var first = await Run.Local.Deployer.WakeAsync(wakeUp, null, Token);
        var told = Run.Notifier.Notifications.Count - before;
        var again = await Run.Local.Deployer.WakeAsync(wakeUp, null, Token);

        Assert.Equal(DeployOutcomeKind.Deployed, first.Kind);
        Assert.True(told > 0);
        Assert.Equal(DeployOutcomeKind.Dropped, again.Kind);
        Assert.Equal(before + told, Run.Notifier.Notifications.Count);

        // A new revision to a pause again, then one abort request delivered twice.
        Run.Config.WriteRollout("a", "nginx:1.29");
        await PushAsync("a third image");
        var action = new DeployRequest(App, DeployReason.RolloutAction, null, "abort-request-0001", DateTimeOffset.UtcNow, "bob", RolloutAction: new RolloutActionRequest(Namespace, "web", RolloutVerb.Abort));
        before = Run.Notifier.Notifications.Count;

        var aborted = await Run.Local.Deployer.DeployAsync(action, null, Token);
        var abortTold = Run.Notifier.Notifications.Skip(before).ToList();
        var repeated = await Run.Local.Deployer.DeployAsync(action, null, Token);

        Assert.Equal(DeployOutcomeKind.Deployed, aborted.Kind);
        Assert.Contains(abortTold, n => n.Kind == NotificationKind.RolloutAborted);
        Assert.Equal(DeployOutcomeKind.Skipped, repeated.Kind);
        Assert.Equal(before + abortTold.Count, Run.Notifier.Notifications.Count);
        // Degraded waits for a person too: it is watched.
        Assert.Single((await StateAsync()).WatchedRollouts ?? []);
    }

    [Fact]
    public async Task A_remote_promote_goes_through_the_intake_is_driven_at_once_and_records_its_requester()
    {
        await PausedAsync();
        var before = Run.Notifier.Notifications.Count;

        await Run.Local.Pipeline.SubmitAsync(ServerlessDeployRequestBody.For(new RolloutActionRequested(App, Namespace, "web", RolloutVerb.Promote, "alice@example.com")), Token);
        var steps = await Run.Local.Pipeline.RunAsync(TimeSpan.Zero, Token);

        Assert.All(steps, s => Assert.True(s.Done, s.Message));
        var deployed = Assert.Single(steps, s => s.Stage == "deployer");
        Assert.Contains("promote by alice@example.com", deployed.Message, StringComparison.Ordinal);
        var state = await StateAsync();
        var action = state.LastRolloutAction;
        Assert.NotNull(action);
        Assert.Equal((Namespace, "web", "promote", "alice@example.com", true), (action.Namespace, action.Name, action.Action, action.Initiator, action.Applied));
        Assert.Equal("Healthy", (await RolloutAsync())["status"]?["phase"]?.ToString());
        Assert.Empty(state.WatchedRollouts ?? []);
        Assert.Contains(Run.Notifier.Notifications.Skip(before), n => n is { Kind: NotificationKind.RolloutWeightChanged, Rollout.CanaryWeight: 50 });
    }

    [Fact]
    public async Task A_remote_restart_in_two_seconds_sets_restart_at_then_and_the_drive_records_it_restarted()
    {
        Run.Config.AddApp("a").WriteRollout("a", "nginx:1.27");
        await PushAsync("a Rollout");
        var before = DateTimeOffset.UtcNow.AddSeconds(1);

        await Run.Local.Pipeline.SubmitAsync(ServerlessDeployRequestBody.For(
            new RolloutActionRequested(App, Namespace, "web", RolloutVerb.Restart, "alice@example.com") { RestartIn = TimeSpan.FromSeconds(2) }), Token);
        var steps = await Run.Local.Pipeline.RunAsync(TimeSpan.Zero, Token);

        // The local deployer has no deadline, so its drive waits the two seconds; no pod is older, so nothing is deleted.
        Assert.All(steps, s => Assert.True(s.Done, s.Message));
        var rollout = await RolloutAsync();
        var restartAt = rollout["spec"]?["restartAt"]?.ToString() ?? "";
        Assert.InRange(DateTimeOffset.Parse(restartAt, System.Globalization.CultureInfo.InvariantCulture), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal(restartAt, rollout["status"]?["restartedAt"]?.ToString());
        var action = (await StateAsync()).LastRolloutAction;
        Assert.NotNull(action);
        Assert.Equal(("restart", "alice@example.com", true), (action.Action, action.Initiator, action.Applied));
    }

    [Fact]
    public async Task A_malformed_action_is_refused_with_one_clear_error_and_nothing_is_done()
    {
        await PausedAsync();
        var rollout = await RolloutAsync();

        await Run.Local.Pipeline.SubmitAsync($$"""{"serverless-deploy":"rollout-action","app":"{{App}}","namespace":"{{Namespace}}","rollout":"web","action":"explode","requester":"mallory"}""", Token);
        var steps = await Run.Local.Pipeline.RunAsync(TimeSpan.Zero, Token);
        var notFromApp = await Run.Local.Deployer.DeployAsync(
            new DeployRequest(App, DeployReason.RolloutAction, null, "promote-request-0002", DateTimeOffset.UtcNow, "mallory", RolloutAction: new RolloutActionRequest("kube-system", "web", RolloutVerb.Promote)), null, Token);

        var routed = Assert.Single(steps, s => s.Stage == "router");
        Assert.False(routed.Done);
        Assert.Contains("'action' is 'explode', not promote, promote-full, abort, retry, pause, resume or restart.", routed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(steps, s => s.Stage == "deployer");
        Assert.Equal(DeployOutcomeKind.Failed, notFromApp.Kind);
        Assert.Contains("is not one of", notFromApp.Message, StringComparison.Ordinal);
        Assert.Equal(rollout["status"]?.ToJsonString(), (await RolloutAsync())["status"]?.ToJsonString());
        Assert.Equal(false, (await StateAsync()).LastRolloutAction?.Applied);
    }

    public void Dispose() => _run?.Dispose();

    /// <summary>The app synced with a Rollout, then with a new image: the second sync ends at the Rollout's indefinite pause.</summary>
    private async Task PausedAsync()
    {
        Run.Config.AddApp("a").WriteRollout("a", "nginx:1.27");
        await PushAsync("a Rollout");
        Run.Config.WriteRollout("a", "nginx:1.28");
        await PushAsync("a new image");
        Assert.Equal(RolloutPauseAt(1), await ProgressAsync());
    }

    private async Task PushAsync(string message)
    {
        var commit = Run.Config.Commit(message);
        await Run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(Run.Config.Name, "main", _head, commit, DateTimeOffset.UtcNow), Token);
        _head = commit;
        var steps = await Run.Local.Pipeline.RunAsync(TimeSpan.Zero, Token);
        Assert.All(steps, s => Assert.True(s.Done, s.Message));
    }

    private static string RolloutPauseAt(int step) => $"Paused {step}";

    private async Task<string> ProgressAsync()
    {
        var status = (await RolloutAsync())["status"];
        return $"{status?["phase"]} {status?["currentStepIndex"]}";
    }

    private async Task<AppState> StateAsync() =>
        await Run.Local.Store.GetAppAsync(App, Token) ?? throw new InvalidOperationException($"no status for {App}");

    private async Task<JsonObject> RolloutAsync()
    {
        var json = await cluster.Kubectl.SucceedAsync("-n", Namespace, "get", "rollout", "web", "-o", "json");
        return JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("kubectl printed no object");
    }
}
