using System.Collections.Immutable;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>Where driving a Rollout stopped.</summary>
public enum RolloutDriveEnd
{
    /// <summary>Every step done, the canary promoted and available: nothing left to drive.</summary>
    Healthy,

    /// <summary>Waiting for a person: an indefinite pause step or spec.paused.</summary>
    Paused,

    /// <summary>Aborted, or past its progress deadline: waiting for retry, a new revision or a return to stable.</summary>
    Degraded,

    /// <summary>Waiting for a time (a timed pause's end, a restart set for later, ReplicaSets becoming available) past what this drive may wait.</summary>
    Waiting,

    /// <summary>It cannot be driven: the Rollout is missing or invalid, a named Service is missing, a write failed.</summary>
    Blocked,

    /// <summary>Another controller drives it: an Argo Rollouts controller is active on the cluster.</summary>
    Refused,
}

/// <summary>What a <see cref="RolloutDriveEnd.Waiting"/> drive waits for.</summary>
public enum RolloutWaitingFor
{
    /// <summary>A timed pause step to end: the Rollout is paused as it should be.</summary>
    PauseEnd,

    /// <summary>ReplicaSets becoming available: the Rollout is still progressing.</summary>
    ReplicaSets,

    /// <summary>A restart asked for a later time (spec.restartAt) to be due.</summary>
    Restart,
}

/// <summary>
/// The outcome of driving one Rollout: where it stopped and why, when to look again (for <see cref="RolloutDriveEnd.Waiting"/>),
/// the transitions made on the way (for events and notifications), and the Rollout's status and health at the end.
/// </summary>
public sealed record RolloutDriveResult(
    string Namespace,
    string Name,
    RolloutDriveEnd End,
    string Message,
    DateTimeOffset? WakeAt,
    ImmutableArray<RolloutTransition> Transitions,
    RolloutProgress Progress,
    HealthResult? Health)
{
    public string Id => $"{Namespace}/{Name}";

    /// <summary>What it waits for when <see cref="End"/> is <see cref="RolloutDriveEnd.Waiting"/>; null otherwise.</summary>
    public RolloutWaitingFor? WaitingFor { get; init; }
}

/// <summary>The Rollout's status as it stands: its phase and message, the current step of how many, and whether it is aborted.</summary>
public sealed record RolloutProgress(string Phase, string Message, int? StepIndex, int StepCount, bool Aborted)
{
    public static RolloutProgress Unknown { get; } = new("", "", null, 0, false);

    /// <summary>"Paused at step 2/4", "Healthy", "Degraded: RolloutAborted: …".</summary>
    public override string ToString()
    {
        var step = StepCount > 0 && StepIndex is { } index ? $" at step {index}/{StepCount}" : "";
        return Message.Length > 0 ? $"{Phase}{step}: {Message}" : $"{Phase}{step}";
    }
}
