using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Tests.Reconciling;

/// <summary>
/// As Argo CD's auto-sync: a new commit is compared first, and an automated app whose manifests it leaves as they are live
/// is recorded Synced at that commit with no sync, history entry or notification, by its own request and by the pass alike.
/// </summary>
public sealed partial class ComparePassTests
{
    [Fact]
    public async Task A_commit_that_changes_another_apps_path_only_is_recorded_synced_by_the_tick_without_a_sync()
    {
        Config.AddApp("changed").AddApp("untouched");
        await DeployedAsync();
        var deployed = await StateAsync("untouched");
        var head = Config.WriteSettings("changed", "changed in Git").Commit("only the changed app's greeting");
        var notified = _run.Notifier.Notifications.Count;

        var steps = await TickAsync();

        Assert.Contains("2 apps, 1 recorded, 1 sent to deploy", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Equal([Config.App("changed")], PerAppSteps(steps));
        var untouched = await StateAsync("untouched");
        Assert.Equal((SyncStatusCode.Synced, head, deployed.Revision), (untouched.SyncStatus, untouched.ComparedRevision, untouched.Revision));
        Assert.StartsWith("in sync with", untouched.Message, StringComparison.Ordinal);
        Assert.Equal(deployed.FinishedAt, untouched.FinishedAt);
        Assert.Single(await _run.Local.Store.HistoryAsync(Config.App("untouched"), CancellationToken.None));
        // The changed app still syncs: its history grows, its greeting is applied, and only it is notified.
        var changed = await StateAsync("changed");
        Assert.Equal((OperationPhase.Succeeded, head), (changed.Phase, changed.Revision));
        Assert.Equal(2, (await _run.Local.Store.HistoryAsync(Config.App("changed"), CancellationToken.None)).Count);
        Assert.Equal("changed in Git", (await SettingsAsync("changed")).Data["greeting"]);
        var notification = Assert.Single(_run.Notifier.Notifications.Skip(notified));
        Assert.Equal((NotificationKind.SyncSucceeded, Config.App("changed")), (notification.Kind, notification.App));
    }

    [Fact]
    public async Task A_pushed_commit_that_changes_another_apps_path_only_is_recorded_synced_by_the_untouched_apps_own_request()
    {
        Config.AddApp("changed").AddApp("untouched");
        await DeployedAsync();
        var deployed = await StateAsync("untouched");
        var head = Config.WriteSettings("changed", "changed in Git").Commit("only the changed app's greeting");
        var notified = _run.Notifier.Notifications.Count;

        var steps = await RunAsync(_run.Local, LocalEvents.CodeCommitPush(Config.Name, "main", null, head, DateTimeOffset.UtcNow));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        var untouched = await StateAsync("untouched");
        Assert.Equal((SyncStatusCode.Synced, head, deployed.Revision), (untouched.SyncStatus, untouched.ComparedRevision, untouched.Revision));
        Assert.StartsWith("in sync with", untouched.Message, StringComparison.Ordinal);
        Assert.Single(await _run.Local.Store.HistoryAsync(Config.App("untouched"), CancellationToken.None));
        Assert.Equal(head, (await StateAsync("changed")).Revision);
        Assert.Equal("changed in Git", (await SettingsAsync("changed")).Data["greeting"]);
        Assert.Equal([Config.App("changed")], _run.Notifier.Notifications.Skip(notified).Select(n => n.App));
    }

    [Fact]
    public async Task With_automated_sync_on_a_new_commit_that_renders_what_is_live_is_recorded_by_the_pass_as_each_apps_own_request_records_it()
    {
        Config.AddApp("same1").AddApp("same2").AddApp("other");
        await DeployedAsync();
        var head = Config.WriteSettings("other", "changed in Git").Commit("only the other app's greeting");
        var perApp = await PerAppAsync("same1", "same2");

        var steps = await TickAsync();

        Assert.Equal(DeployOutcomeKind.Skipped, perApp.Outcomes["same1"]);
        Assert.Contains("3 apps, 2 recorded, 1 sent to deploy", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Equal([Config.App("other")], PerAppSteps(steps));
        await AssertRecordedAsAsync(perApp.Recorded);
        Assert.Equal((SyncStatusCode.Synced, head), ((await StateAsync("same2")).SyncStatus, (await StateAsync("same2")).ComparedRevision));
    }
}
