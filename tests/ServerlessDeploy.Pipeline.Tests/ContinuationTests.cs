using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using k8s;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// A sync longer than one invocation: saved as a waiting cursor with a booked wake-up (its deploy message done, so
/// nothing waits behind it in the app's FIFO group), woken from the timer table, and continued until it succeeds; a
/// newer push supersedes it; stale and duplicate wake-ups are dropped.
/// </summary>
public sealed class ContinuationTests(SlowControllersFixture cluster) : IClassFixture<SlowControllersFixture>, IDisposable
{
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(200);

    private readonly PipelineRun _run = new(
        cluster,
        settings => settings with { DeadlineMargin = DeadlineMargin, ContinueAfter = TimeSpan.FromMilliseconds(100) },
        invocationTime: DeadlineMargin + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_health_gate_past_the_deadline_ends_the_invocation_and_is_woken_at_its_time_until_it_succeeds()
    {
        var config = _run.Config;
        config.AddApp("a").AddDeployment("a");
        var first = config.Commit("an app with a Deployment");
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(config.Name, "main", null, first, DateTimeOffset.UtcNow), CancellationToken.None);

        // No waiting: the router's message and the first deploy attempt, which saves the sync and books its wake-up.
        var firstSteps = await _run.Local.Pipeline.RunAsync(TimeSpan.Zero, CancellationToken.None);

        var attempt = Assert.Single(firstSteps, s => s.Stage == "deployer");
        Assert.True(attempt.Done, attempt.Message);
        Assert.Equal(0, _run.Local.Pipeline.Queues.Deploy.Count);
        var running = await _run.Local.Store.GetAppAsync(config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Running, running!.Phase);
        var waiting = (await _run.Local.Store.GetCursorAsync(config.App("a"), CancellationToken.None))!;
        Assert.Equal((CursorStatus.Waiting, first), (waiting.Status, waiting.Revision));
        Assert.IsType<HealthGateStep>(waiting.Current);
        // The status shows the waiting sync, so a reader needs no cursor.
        Assert.Equal(new WaitingSync(waiting.Id, first, waiting.Current!.Name, waiting.Wait!.Reason, waiting.Wait.WakeAt, waiting.Wait.GivesUpAt), running.Waiting);
        var booked = Assert.Single(await _run.Local.Timers.PendingAsync(CancellationToken.None));
        Assert.Equal(new WakeUp(config.App("a"), waiting.Id, waiting.Position, waiting.Version), booked.WakeUp);
        Assert.Equal(waiting.Wait!.WakeAt, booked.DueAt);
        Assert.Empty(_run.Notifier.Notifications);

        var rest = await _run.Local.Pipeline.RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.All(rest, s => Assert.True(s.Done, s.Message));
        Assert.Contains(rest, s => s.Message.Contains("synced at", StringComparison.Ordinal));
        Assert.Empty(await _run.Local.Timers.PendingAsync(CancellationToken.None));
        var done = await _run.Local.Store.GetAppAsync(config.App("a"), CancellationToken.None);
        Assert.Equal((OperationPhase.Succeeded, first), (done!.Phase, done.Revision));
        Assert.Null(done.Waiting);
        // Each stage of the operation has its time, in order, across the two invocations.
        var stages = done.Stages!;
        var times = new[] { stages.EventReceivedAt, stages.RoutedAt, stages.QueuedAt, stages.StartedAt }
            .Concat(stages.Steps.SelectMany(s => new[] { s.StartedAt, s.EndedAt })).Append(stages.DoneAt).ToList();
        Assert.All(times, t => Assert.NotNull(t));
        Assert.Equal(times.Order(), times);
        Assert.Contains(stages.Steps, s => s.Step == "Sync/0 health");
        // The timeline's trigger and the messages that carried it: one intake and one deploy message, received once.
        Assert.Equal((TriggerKind.GitPush, 1), (stages.Trigger, stages.Receives));
        Assert.False(string.IsNullOrEmpty(stages.EventMessageId));
        Assert.False(string.IsNullOrEmpty(stages.DeployMessageId));
        Assert.Equal(CursorStatus.Succeeded, (await _run.Local.Store.GetCursorAsync(config.App("a"), CancellationToken.None))!.Status);
        var entry = Assert.Single(await _run.Local.Store.HistoryAsync(config.App("a"), CancellationToken.None));
        Assert.Equal((stages.StartedAt, stages.DoneAt, stages.DeployMessageId), (entry.Stages?.StartedAt, entry.Stages?.DoneAt, entry.Stages?.DeployMessageId));
        Assert.Equal(Notifications.NotificationKind.SyncSucceeded, Assert.Single(_run.Notifier.Notifications).Kind);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", config.Namespace("a"));
        Assert.Equal(1, deployment.Status?.ReadyReplicas);
    }

    [Fact]
    public async Task A_newer_push_supersedes_a_waiting_sync_whose_wake_up_is_then_dropped()
    {
        var config = _run.Config;
        config.AddApp("a").AddDeployment("a");
        var first = config.Commit("an app with a Deployment");
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(config.Name, "main", null, first, DateTimeOffset.UtcNow), CancellationToken.None);
        await _run.Local.Pipeline.RunAsync(TimeSpan.Zero, CancellationToken.None);
        var superseded = (await _run.Local.Store.GetCursorAsync(config.App("a"), CancellationToken.None))!;
        Assert.Equal(CursorStatus.Waiting, superseded.Status);

        config.WriteSettings("a", "bonjour");
        var second = config.Commit("a new greeting");
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(config.Name, "main", first, second, DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Contains(steps, s => s.Message.Contains($"supersedes sync {superseded.Id}", StringComparison.Ordinal) || s.Message.Contains("synced at", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Message.Contains($"sync {superseded.Id} was superseded", StringComparison.Ordinal));
        var current = (await _run.Local.Store.GetCursorAsync(config.App("a"), CancellationToken.None))!;
        Assert.NotEqual(superseded.Id, current.Id);
        Assert.Equal((CursorStatus.Succeeded, second), (current.Status, current.Revision));
        Assert.True(current.Version > superseded.Version);
        var history = await _run.Local.Store.HistoryAsync(config.App("a"), CancellationToken.None);
        Assert.Equal(second, Assert.Single(history).Revision);
        Assert.Equal("bonjour", (await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", config.Namespace("a"))).Data["greeting"]);
    }

    [Fact]
    public async Task A_duplicate_wake_up_and_one_for_another_version_are_dropped_and_change_nothing()
    {
        var config = _run.Config;
        config.AddApp("a").AddDeployment("a");
        var first = config.Commit("an app with a Deployment");
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(config.Name, "main", null, first, DateTimeOffset.UtcNow), CancellationToken.None);
        await _run.Local.Pipeline.RunAsync(TimeSpan.Zero, CancellationToken.None);
        var waiting = (await _run.Local.Store.GetCursorAsync(config.App("a"), CancellationToken.None))!;
        var wakeUp = new WakeUp(config.App("a"), waiting.Id, waiting.Position, waiting.Version);

        var wrongVersion = await _run.Local.Deployer.WakeAsync(wakeUp with { CursorVersion = waiting.Version - 1 }, null, CancellationToken.None);
        var woken = await _run.Local.Deployer.WakeAsync(wakeUp, null, CancellationToken.None);
        var duplicate = await _run.Local.Deployer.WakeAsync(wakeUp, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Dropped, wrongVersion.Kind);
        Assert.True(woken.Kind == DeployOutcomeKind.Deployed, woken.Message);
        Assert.Equal(DeployOutcomeKind.Dropped, duplicate.Kind);
        Assert.Contains("duplicate", duplicate.Message, StringComparison.Ordinal);
        Assert.Single(await _run.Local.Store.HistoryAsync(config.App("a"), CancellationToken.None));
        Assert.Single(_run.Notifier.Notifications);
    }

    public void Dispose() => _run.Dispose();
}
