using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Aws.Tests.Notifications;

public sealed class CompositeNotifierTests
{
    private static readonly SyncNotification Notification =
        new(NotificationKind.SyncFailed, "guestbook", "abc", [], "Degraded", "boom", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Every_channel_is_notified()
    {
        var first = new RecordingNotifier();
        var second = new RecordingNotifier();

        var report = await new CompositeNotifier([new("eventbridge", first), new("slack", second)]).NotifyAsync(Notification, CancellationToken.None);

        Assert.True(report.AllSent);
        Assert.Empty(report.Failures);
        Assert.Equal([Notification], first.Notifications);
        Assert.Equal([Notification], second.Notifications);
    }

    [Fact]
    public async Task Failing_channels_do_not_stop_the_others_and_are_all_named_afterwards()
    {
        var eventBridge = new RecordingNotifier(new InvalidOperationException("EventBridge PutEvents failed"));
        var slack = new RecordingNotifier();
        var teams = new RecordingNotifier(new HttpRequestException("Teams webhook: answered HTTP 500"));
        var discord = new RecordingNotifier();

        var report = await new CompositeNotifier([new("eventbridge", eventBridge), new("slack", slack), new("teams", teams), new("discord", discord)])
            .NotifyAsync(Notification, CancellationToken.None);

        Assert.All([eventBridge, slack, teams, discord], n => Assert.Equal([Notification], n.Notifications));
        Assert.False(report.AllSent);
        Assert.Equal(["eventbridge", "teams"], report.Failures.Select(f => f.Channel));
        Assert.StartsWith("2 notification channel(s) failed: eventbridge, teams", report.Summary, StringComparison.Ordinal);
        Assert.Equal(["EventBridge PutEvents failed", "Teams webhook: answered HTTP 500"], report.Failures.Select(f => f.Error));
        Assert.Equal("eventbridge: EventBridge PutEvents failed; teams: Teams webhook: answered HTTP 500", report.Details);
    }

    [Fact]
    public void A_channel_name_configured_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CompositeNotifier([new("slack", new RecordingNotifier()), new("slack", new RecordingNotifier())]));

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_channel_failure()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var notifier = new CompositeNotifier([new("slack", new RecordingNotifier())]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notifier.NotifyAsync(Notification, cancelled.Token));
    }
}
