using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Local.Notifications;

/// <summary>Locally, notifications are lines on the console (EventBridge and chat webhooks are the AWS channels).</summary>
public sealed class ConsoleNotifier(TextWriter output) : INotifier
{
    public Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var revision = Core.Applications.Revisions.Abbreviate(notification.Revision);
        var rollout = notification.Rollout is { } r ? $" Rollout {r.Id} step {r.StepIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}/{r.StepCount} weight {r.PreviousCanaryWeight}→{r.CanaryWeight}," : "";
        return output.WriteLineAsync($"  notify  {NotificationDetailTypes.Of(notification.Kind)}: {notification.App} at {revision},{rollout} health {notification.Health}: {notification.Message}");
    }
}
