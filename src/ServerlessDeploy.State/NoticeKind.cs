namespace ServerlessDeploy.State;

/// <summary>Which notice about an operation could not be sent (the pipeline's notification kinds), as the state records it. Stored by name.</summary>
public enum NoticeKind
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
