namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>The EventBridge detail-types a finished sync emits.</summary>
public enum NotificationKind
{
    SyncSucceeded,
    SyncFailed,
    HealthDegraded,
}
