using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Local.Notifications;

/// <summary>Locally, notifications are lines on the console (EventBridge and chat webhooks are the AWS channels).</summary>
public sealed class ConsoleNotifier(TextWriter output) : INotifier
{
    public Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var revision = Core.Applications.Revisions.Abbreviate(notification.Revision);
        return output.WriteLineAsync($"  notify  {DetailType(notification.Kind)}: {notification.App} at {revision}, health {notification.Health}: {notification.Message}");
    }

    /// <summary>The EventBridge detail-type of a notification kind.</summary>
    public static string DetailType(NotificationKind kind) => kind switch
    {
        NotificationKind.SyncSucceeded => "Sync Succeeded",
        NotificationKind.SyncFailed => "Sync Failed",
        _ => "Health Degraded",
    };
}
