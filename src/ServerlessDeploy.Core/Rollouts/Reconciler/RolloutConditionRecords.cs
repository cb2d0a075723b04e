using System.Collections.Immutable;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>One of status.conditions (Available, Progressing, Healthy, Paused, Completed, …).</summary>
internal sealed record RolloutCondition(
    string Type, string Status, DateTimeOffset LastUpdateTime, DateTimeOffset LastTransitionTime, string Reason, string Message);

/// <summary>One of status.pauseConditions.</summary>
internal sealed record RolloutPauseCondition(string Reason, DateTimeOffset StartTime);

/// <summary>Argo's condition list semantics (utils/conditions): set keeps the entry when status and reason are unchanged.</summary>
internal static class RolloutConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string Healthy = "Healthy";
    public const string Paused = "Paused";
    public const string Completed = "Completed";
    public const string InvalidSpec = "InvalidSpec";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string AvailableReason = "AvailableReason";
    public const string AvailableMessage = "Rollout has minimum availability";
    public const string NotAvailableMessage = "Rollout does not have minimum availability";
    public const string ReplicaSetUpdatedReason = "ReplicaSetUpdated";
    public const string NewReplicaSetReason = "NewReplicaSetCreated";
    public const string FoundNewRSReason = "FoundNewReplicaSet";
    public const string NewRSAvailableReason = "NewReplicaSetAvailable";
    public const string RolloutCompletedReason = "RolloutCompleted";
    public const string RolloutHealthyReason = "RolloutHealthy";
    public const string RolloutHealthyMessage = "Rollout is healthy";
    public const string RolloutNotHealthyMessage = "Rollout is not healthy";
    public const string RolloutAbortedReason = "RolloutAborted";
    public const string RolloutRetryReason = "RolloutRetry";
    public const string RolloutRetryMessage = "Retrying Rollout after abort";
    public const string RolloutPausedReason = "RolloutPaused";
    public const string RolloutPausedMessage = "Rollout is paused";
    public const string RolloutResumedReason = "RolloutResumed";
    public const string RolloutResumedMessage = "Rollout is resumed";
    public const string ReplicaSetNotAvailableReason = "ReplicaSetNotAvailable";
    public const string TimedOutReason = "ProgressDeadlineExceeded";
    public const string CanaryPauseStep = "CanaryPauseStep";

    public static RolloutCondition? Get(ImmutableArray<RolloutCondition> conditions, string type) =>
        conditions.FirstOrDefault(condition => condition.Type == type);

    public static RolloutCondition New(string type, string status, string reason, string message, DateTimeOffset now) =>
        new(type, status, now, now, reason, message);

    /// <summary>SetRolloutCondition: unchanged when status and reason match; the transition time survives a same-status change; the entry moves last.</summary>
    public static (ImmutableArray<RolloutCondition> Conditions, bool Changed) Set(ImmutableArray<RolloutCondition> conditions, RolloutCondition condition)
    {
        var current = Get(conditions, condition.Type);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason)
        {
            return (conditions, false);
        }

        if (current is not null && current.Status == condition.Status)
        {
            condition = condition with { LastTransitionTime = current.LastTransitionTime };
        }

        return (Remove(conditions, condition.Type).Add(condition), true);
    }

    public static ImmutableArray<RolloutCondition> Remove(ImmutableArray<RolloutCondition> conditions, string type) =>
        conditions.RemoveAll(condition => condition.Type == type);
}
