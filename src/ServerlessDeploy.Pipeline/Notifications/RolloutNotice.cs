namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>
/// The Rollout a transition notice is about, and where the transition left it: the step (status.currentStepIndex, null
/// when the canary has no steps) of how many, and the canary's weight before and after (equal when it did not change).
/// </summary>
public sealed record RolloutNotice(string Namespace, string Name, int? StepIndex, int StepCount, int PreviousCanaryWeight, int CanaryWeight)
{
    public string Id => $"{Namespace}/{Name}";
}
