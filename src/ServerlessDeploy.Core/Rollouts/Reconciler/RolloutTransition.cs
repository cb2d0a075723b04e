namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What kind of step a Rollout made, for notifications.</summary>
public enum RolloutTransitionKind
{
    StepCompleted,
    WeightChanged,
    Paused,
    Resumed,
    Promoted,
    Aborted,
    Retried,
    SkippedSteps,
}

/// <summary>
/// One transition the reconcile made. <paramref name="StepIndex"/> is the status.currentStepIndex after it (null when
/// the canary has no steps); weights are the canary's share of pods (no traffic router) before and after.
/// </summary>
public sealed record RolloutTransition(
    RolloutTransitionKind Kind, int? StepIndex, int StepCount, int PreviousCanaryWeight, int CanaryWeight, string Message);
