namespace ServerlessDeploy.State;

/// <summary>One step of a sync's cursor: its name and when it started and ended.</summary>
public sealed record StepStage(string Step, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);
