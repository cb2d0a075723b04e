namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What writing a decision came to: <paramref name="Stop"/> null when every write was made; <paramref name="Refused"/> the first eviction a PodDisruptionBudget refused, if one was.</summary>
internal sealed record RolloutWritten(RolloutWriteStop? Stop, string? Refused);

/// <summary>Why writing stopped: a conflict (someone changed the object since it was read: look again), or a failure.</summary>
internal sealed record RolloutWriteStop(bool Conflict, string Problem);
