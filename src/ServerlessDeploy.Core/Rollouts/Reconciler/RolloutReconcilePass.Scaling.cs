namespace ServerlessDeploy.Core.Rollouts;

/// <summary>Scaling the canary's ReplicaSets and entering pause steps (rollout/canary.go, replicaset.go).</summary>
internal sealed partial class RolloutReconcilePass
{
    /// <summary>reconcileCanaryReplicaSets: stable first, then the canary, then older ones; stops at the first that scales.</summary>
    private (bool Scaled, string? Invalid) ReconcileCanaryReplicaSets()
    {
        if (_spec.Paused)
        {
            return (false, null);
        }

        if (_newRS is not { } newRS)
        {
            return (false, null);
        }

        if (DesiredCounts() is not { } desired)
        {
            return (false, BasicCanaryReplicas.BothZeroMessage);
        }

        if (_stableRS is { } stableRS && stableRS.Name != newRS.Name && Scale(stableRS, desired.Stable))
        {
            return (true, null);
        }

        if (Scale(newRS, desired.Canary))
        {
            return (true, null);
        }

        var active = _others.Where(rs => rs.SpecReplicas > 0).ToList();
        return (active.Count > 0 && ScaleDownOldReplicaSets(active) > 0, null);
    }

    /// <summary>CalculateReplicaCountsForBasicCanary over the observed Rollout (its status before this pass's changes).</summary>
    private BasicCanaryOutcome.Counts? DesiredCounts()
    {
        var rollout = new BasicCanaryRollout(
            _spec.Replicas,
            _spec.Canary.MaxSurge,
            _spec.Canary.MaxUnavailable,
            [.. _spec.Canary.Steps.Select(step => step is SetWeightStep weight ? weight.Weight : (int?)null)],
            _observed.CurrentStepIndex,
            _observed.Abort,
            _observed.PromoteFull,
            _observed.StableRS,
            _observed.CurrentPodHash);
        return BasicCanaryReplicas.Calculate(
            rollout, _newRS?.ForArithmetic(), _stableRS?.ForArithmetic(), [.. _others.Select(rs => (CanaryReplicaSet?)rs.ForArithmetic())])
            as BasicCanaryOutcome.Counts;
    }

    /// <summary>scaleReplicaSetAndRecordEvent: writes when the size or the desired-replicas annotation differs; true when the size changed.</summary>
    private bool Scale(ObservedReplicaSet rs, int replicas)
    {
        var annotationStale = rs.Annotations.GetValueOrDefault(ObservedReplicaSet.DesiredReplicasAnnotation) != RolloutJson.Number(_spec.Replicas);
        if (rs.SpecReplicas == replicas && !annotationStale)
        {
            return false;
        }

        _writes.Add(new RolloutWrite.ScaleReplicaSet(rs.Name, replicas, _spec.Replicas));
        return rs.SpecReplicas != replicas;
    }

    /// <summary>
    /// scaleDownOldReplicaSetsForCanary: unavailable pods of old ReplicaSets go first, then the newest old ReplicaSets
    /// shrink as far as availability (spec.replicas − maxUnavailable) allows; returns the pods scaled down.
    /// </summary>
    private int ScaleDownOldReplicaSets(List<ObservedReplicaSet> oldRSs)
    {
        oldRSs = [.. ObservedReplicaSet.ByCreation(oldRSs)];
        var total = 0;
        for (var i = 0; i < oldRSs.Count; i++)
        {
            var rs = oldRSs[i];
            if (rs.SpecReplicas == 0 || rs.SpecReplicas == rs.AvailableReplicas)
            {
                continue;
            }

            // More available than desired: Argo's cleanup refuses (an error), and nothing more is scaled down this pass.
            if (rs.AvailableReplicas > rs.SpecReplicas)
            {
                return 0;
            }

            Scale(rs, rs.AvailableReplicas);
            total += rs.SpecReplicas - rs.AvailableReplicas;
            oldRSs[i] = rs with { SpecReplicas = rs.AvailableReplicas };
        }

        var minAvailable = _spec.Replicas - MaxUnavailable();
        var maxScaleDown = _all.Sum(rs => rs.AvailableReplicas) - minAvailable;
        if (maxScaleDown <= 0)
        {
            return 0;
        }

        foreach (var rs in oldRSs.OrderByDescending(rs => rs.Revision))
        {
            if (maxScaleDown <= 0)
            {
                break;
            }

            // A basic canary drains every old ReplicaSet: their pods take traffic through the Services' selectors.
            var desired = rs.SpecReplicas > maxScaleDown ? rs.SpecReplicas - maxScaleDown : 0;
            if (rs.SpecReplicas == 0 || rs.SpecReplicas == desired)
            {
                continue;
            }

            Scale(rs, desired);
            maxScaleDown -= rs.SpecReplicas - desired;
            total += rs.SpecReplicas - desired;
        }

        return total;
    }

    /// <summary>MaxUnavailable: maxUnavailable resolved against spec.replicas (rounded down), 1 when it and maxSurge are both 0, at most the replicas.</summary>
    private int MaxUnavailable()
    {
        var replicas = _spec.Replicas;
        if (replicas == 0)
        {
            return 0;
        }

        var surge = _spec.Canary.MaxSurge.Resolve(replicas, roundUp: true) ?? 0;
        var unavailable = _spec.Canary.MaxUnavailable.Resolve(replicas, roundUp: false) ?? 0;
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return Math.Min(unavailable, replicas);
    }

    /// <summary>reconcileCanaryPause: at a pause step with no pause condition, add one — unless a person already removed it.</summary>
    private void ReconcileCanaryPause()
    {
        if (_spec.Paused || _observed.PromoteFull || StepCount == 0)
        {
            return;
        }

        var index = _observed.CurrentStepIndex ?? 0;
        if (index >= StepCount || _spec.Canary.Steps[index] is not PauseStep)
        {
            return;
        }

        if (_observed.PauseCondition(RolloutConditions.CanaryPauseStep) is null && !_observed.ControllerPause)
        {
            _pause = _pause with { Add = _pause.Add.Add(RolloutConditions.CanaryPauseStep) };
        }
    }
}
