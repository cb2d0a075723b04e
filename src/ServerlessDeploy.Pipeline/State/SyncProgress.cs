namespace ServerlessDeploy.Pipeline.State;

/// <summary>
/// A sync that ran out of Lambda time while waiting for health: the step it reached, so the redelivered message continues there
/// instead of running hooks and earlier waves again.
/// </summary>
/// <param name="DeploymentId">The request being carried out (its idempotency key).</param>
/// <param name="StepsDone">How many plan steps (phase, wave) were applied and healthy.</param>
public sealed record SyncProgress(string DeploymentId, string Revision, int StepsDone, string Step, DateTimeOffset UpdatedAt);
