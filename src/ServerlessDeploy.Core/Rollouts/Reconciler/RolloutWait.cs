namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What the Rollout waits for once the decision's writes are made.</summary>
internal abstract record RolloutWait
{
    private RolloutWait()
    {
    }

    /// <summary>Nothing: the Rollout is Healthy and every step is done.</summary>
    public sealed record Done : RolloutWait;

    /// <summary>Writes were made: observe again at once (Argo's informer would requeue on its own writes).</summary>
    public sealed record Reobserve : RolloutWait;

    /// <summary>A time: a timed pause ends (the first whole second after startTime + duration), or a restart set for later is due, whichever comes first.</summary>
    public sealed record Until(DateTimeOffset At, string Reason, RolloutWaitingFor For) : RolloutWait;

    /// <summary>A person: an indefinite pause, spec.paused, an abort or an exceeded deadline waits for promote, retry or a new spec.</summary>
    public sealed record Person(string Reason, RolloutHold Hold) : RolloutWait
    {
        /// <summary>A restart set for later (spec.restartAt) wakes the Rollout then, held or not.</summary>
        public DateTimeOffset? WakeAt { get; init; }
    }

    /// <summary>ReplicaSets becoming available: re-observe soon; <paramref name="Deadline"/> is when the progress deadline would pass.</summary>
    public sealed record ReplicaSets(DateTimeOffset? Deadline) : RolloutWait;

    /// <summary>The controller would stop here with an error (a named Service missing, a template we cannot hash).</summary>
    public sealed record Blocked(string Reason) : RolloutWait;
}

/// <summary>What holds a Rollout until a person acts: a pause (Suspended), or a failure (Degraded).</summary>
internal enum RolloutHold
{
    PauseStep,
    SpecPaused,
    Aborted,
    ProgressDeadlineExceeded,
}
