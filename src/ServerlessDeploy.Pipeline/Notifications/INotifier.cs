namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>One notification channel (EventBridge, a Slack/Teams/Discord incoming webhook, the console locally).</summary>
public interface INotifier
{
    Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken);
}
