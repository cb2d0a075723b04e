namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>The EventBridge detail-type of each notification kind, also the name a person reads it by.</summary>
public static class NotificationDetailTypes
{
    public static string Of(NotificationKind kind) => kind switch
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
        NotificationKind.RolloutStepsSkipped => "Rollout Steps Skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no EventBridge detail-type for this notification kind"),
    };
}
