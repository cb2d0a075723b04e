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
        return output.WriteLineAsync($"  notify  {DetailType(notification.Kind)}: {notification.App} at {revision},{rollout} health {notification.Health}: {notification.Message}");
    }

    /// <summary>The EventBridge detail-type of a notification kind.</summary>
    public static string DetailType(NotificationKind kind) => kind switch
    {
        NotificationKind.SyncSucceeded => "Sync Succeeded",
        NotificationKind.SyncFailed => "Sync Failed",
        NotificationKind.HealthDegraded => "Health Degraded",
        NotificationKind.RolloutStepCompleted => "Rollout Step Completed",
        NotificationKind.RolloutWeightChanged => "Rollout Weight Changed",
        NotificationKind.RolloutPaused => "Rollout Paused",
        NotificationKind.RolloutResumed => "Rollout Resumed",
        NotificationKind.RolloutPromoted => "Rollout Promoted",
        NotificationKind.RolloutAborted => "Rollout Aborted",
        NotificationKind.RolloutRetried => "Rollout Retried",
        _ => "Rollout Steps Skipped",
    };
}
