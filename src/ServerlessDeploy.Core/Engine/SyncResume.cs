namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Where a sync stopped when it ran out of time: steps before <see cref="Step"/> are applied and healthy, step
/// <see cref="Step"/> is applied and was being waited on. <see cref="StartedAt"/> is kept so hooks get the same
/// generated names and a resumed sync finds the hooks it created instead of creating them again.
/// </summary>
public sealed record SyncResume(DateTimeOffset StartedAt, int Step, string StepName);
