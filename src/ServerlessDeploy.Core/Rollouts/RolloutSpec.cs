using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// What the deployer drives of an argoproj.io/v1alpha1 Rollout, with Argo Rollouts' defaults filled in (replicas 1,
/// revisionHistoryLimit 10, progressDeadlineSeconds 600). Only the canary strategy without a traffic router is read
/// so far; everything else is refused by name when the Rollout is loaded.
/// </summary>
/// <param name="Selector">spec.selector as written (matchLabels and matchExpressions).</param>
/// <param name="Template">spec.template as written: the pod template its ReplicaSets are made from.</param>
/// <param name="RestartAt">spec.restartAt: pods created before it are restarted, as `kubectl argo rollouts restart` asks.</param>
internal sealed record RolloutSpec(
    int Replicas,
    JsonObject Selector,
    JsonObject Template,
    int MinReadySeconds,
    int RevisionHistoryLimit,
    int ProgressDeadlineSeconds,
    bool ProgressDeadlineAbort,
    bool Paused,
    DateTimeOffset? RestartAt,
    CanaryStrategy Canary)
{
    public const int DefaultReplicas = 1;
    public const int DefaultRevisionHistoryLimit = 10;
    public const int DefaultProgressDeadlineSeconds = 600;
}
