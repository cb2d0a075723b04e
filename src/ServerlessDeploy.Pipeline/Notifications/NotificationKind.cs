namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>The EventBridge detail-types the deployer emits: a finished sync, and each transition a Rollout makes.</summary>
public enum NotificationKind
{
    SyncSucceeded,
    SyncFailed,
    HealthDegraded,
    RolloutStepCompleted,
    RolloutWeightChanged,
    RolloutPaused,
    RolloutResumed,
    RolloutPromoted,
    RolloutAborted,
    RolloutRetried,
    RolloutStepsSkipped,
}
