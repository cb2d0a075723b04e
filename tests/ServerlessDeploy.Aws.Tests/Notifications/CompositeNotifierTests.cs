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

        await new CompositeNotifier([new("eventbridge", first), new("slack", second)]).NotifyAsync(Notification, CancellationToken.None);

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

        var error = await Assert.ThrowsAsync<NotificationsFailedException>(() =>
            new CompositeNotifier([new("eventbridge", eventBridge), new("slack", slack), new("teams", teams), new("discord", discord)])
                .NotifyAsync(Notification, CancellationToken.None));

        Assert.All([eventBridge, slack, teams, discord], n => Assert.Equal([Notification], n.Notifications));
        Assert.Equal(["eventbridge", "teams"], error.FailedChannels);
        Assert.StartsWith("2 notification channel(s) failed: eventbridge, teams", error.Message, StringComparison.Ordinal);
        Assert.Equal(["EventBridge PutEvents failed", "Teams webhook: answered HTTP 500"], error.InnerExceptions.Select(e => e.Message));
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
