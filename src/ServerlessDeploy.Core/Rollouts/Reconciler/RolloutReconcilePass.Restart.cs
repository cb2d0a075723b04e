using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// RolloutPodRestarter (rollout/restart.go): once spec.restartAt has passed and differs from status.restartedAt, the
/// pods created before it are evicted, as many at a time as the available pods above the minimum allow, and
/// restartedAt is set once none is left.
/// </summary>
internal sealed partial class RolloutReconcilePass
{
    /// <summary>NeedsRestart: a restartAt other than the restartedAt recorded, and strictly in the past.</summary>
    private DateTimeOffset? DueRestart =>
        _spec.RestartAt is { } at && at != _observed.RestartedAt && _now > at ? at : null;

    /// <summary>
    /// Reconcile: the pods older than restartAt are counted, and evicted while the available pods stay at or above
    /// max(spec.replicas, the ReplicaSets' replicas) less max(maxUnavailable, 1); with none left, restartedAt is set.
    /// </summary>
    /// <returns>Whether pods are to be evicted (the writer evicts up to the budget, passing over those a PodDisruptionBudget keeps).</returns>
    private bool RestartPods()
    {
        if (DueRestart is not { } restartAt)
        {
            return false;
        }

        // The API server lists pods by name; restart.go evicts in that order.
        var pods = _observation.Pods.Select(ObservedPod.Read).OrderBy(pod => pod.Name, StringComparer.Ordinal).ToList();
        var totalReplicas = _all.Sum(rs => rs.SpecReplicas);
        var available = pods.Count(pod => pod.IsAvailable(_spec.MinReadySeconds, _now));

        // maxUnavailable may be 0; one pod at a time is still restarted then.
        var concurrent = Math.Max(BasicCanaryReplicas.MaxUnavailable(_spec.Replicas, _spec.Canary.MaxSurge, _spec.Canary.MaxUnavailable), 1);
        var canRestart = available - (Math.Max(_spec.Replicas, totalReplicas) - concurrent);
        var old = pods.Where(pod => pod.Created < restartAt).ToList();
        var evictable = old.Where(pod => !pod.Deleting).Select(pod => pod.Name).ToImmutableArray();
        if (old.Count == 0)
        {
            // restart.go sets restartedAt whenever none remains; a pass that evicts ends before its status is written.
            _observed = _observed with { RestartedAt = restartAt };
            return false;
        }

        if (canRestart <= 0 || evictable.IsEmpty || _observation.EvictionsHeld)
        {
            return false;
        }

        _writes.Add(new RolloutWrite.EvictPods(evictable, canRestart));
        return true;
    }

    /// <summary>A restartAt not yet recorded as done, whether due or still ahead.</summary>
    private bool RestartPending(RolloutStatusState status) => _spec.RestartAt is { } at && at != status.RestartedAt;

    /// <summary>The phase would be Healthy but for the pending restart ("rollout is restarting" comes first).</summary>
    private bool HealthyButForRestart(RolloutStatusState status)
    {
        var spec = _observation.Rollout["spec"]?.DeepClone() as JsonObject;
        spec?.Remove("restartAt");
        return PhaseOf(status, spec)?.Phase == RolloutPhase.Healthy;
    }
}
