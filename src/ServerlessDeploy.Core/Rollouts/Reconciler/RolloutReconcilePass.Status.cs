namespace ServerlessDeploy.Core.Rollouts;

/// <summary>The new status of a canary Rollout: steps, promotion and abort (syncRolloutStatusCanary, promoteStable).</summary>
internal sealed partial class RolloutReconcilePass
{
    private RolloutDecision SyncStatus(bool changed)
    {
        var observed = _observed;
        var newRS = _newRS ?? throw new InvalidOperationException("the new ReplicaSet is found or created first");
        var status = RolloutStatusState.Empty with
        {
            CurrentPodHash = newRS.Hash,
            Replicas = _all.Sum(rs => rs.StatusReplicas),
            UpdatedReplicas = newRS.StatusReplicas,
            ReadyReplicas = _all.Sum(rs => rs.ReadyReplicas),
            AvailableReplicas = _all.Sum(rs => rs.AvailableReplicas),
            HpaReplicas = _all.Sum(rs => rs.StatusReplicas),
            CollisionCount = observed.CollisionCount,
            Conditions = RolloutConditions.Remove(observed.Conditions, RolloutConditions.InvalidSpec),
            RestartedAt = observed.RestartedAt,

            // calculateBaseStatus compares with a stableRS not yet filled in, so promoteFull carries over as observed.
            PromoteFull = observed.PromoteFull,
            Selector = LabelSelectorFormat.Format(_spec.Selector),
            StableRS = observed.StableRS,
            CurrentStepHash = _stepHash,
        };
        int? index = StepCount == 0 ? null : observed.CurrentStepIndex ?? 0;
        if (changed)
        {
            // A new pod template or new steps start the steps over, unless the template is the stable one again; new
            // pods need no restart (resetRolloutStatus sets restartedAt).
            _pause = _pause with { Clear = true, RemoveAbort = true };
            status = status with { RestartedAt = _spec.RestartAt, PromoteFull = false, CurrentStepIndex = StepCount > 0 ? 0 : null };
            if (StepCount > 0 && observed.StableRS == newRS.Hash)
            {
                status = status with { CurrentStepIndex = StepCount };
                Transition(RolloutTransitionKind.SkippedSteps, StepCount, "Rollback to stable ReplicaSets");
            }

            return Persist(status);
        }

        if (observed.PromoteFull)
        {
            _pause = _pause with { Clear = true, RemoveAbort = true };
            if (StepCount > 0)
            {
                index = StepCount;
            }
        }

        if (ShouldFullPromote() is { } reason)
        {
            return Persist(PromoteStable(status, reason));
        }

        if (_pause.IsAborted(observed))
        {
            if (StepCount > 0)
            {
                status = status with { CurrentStepIndex = status.StableRS == status.CurrentPodHash ? StepCount : 0 };
            }

            return Persist(status);
        }

        if (CompletedCurrentCanaryStep() is { } completed)
        {
            index++;
            Transition(RolloutTransitionKind.StepCompleted, index, $"Rollout step {index}/{StepCount} completed ({completed})");
            _pause = _pause with { Remove = _pause.Remove.Add(RolloutConditions.CanaryPauseStep) };
        }

        return Persist(status with { CurrentStepIndex = index });
    }

    /// <summary>shouldFullPromote: why the new ReplicaSet becomes stable now, or null while the update is under way.</summary>
    private string? ShouldFullPromote()
    {
        if (_stableRS is null)
        {
            return "Initial deploy";
        }

        if (_pause.IsAborted(_observed) || _newRS is not { } newRS || newRS.AvailableReplicas < _spec.Replicas)
        {
            return null;
        }

        if (_observed.PromoteFull)
        {
            return "Full promotion requested";
        }

        // Back on the stable template (no rollbackWindow is read): the steps are skipped.
        if (_observed.StableRS == newRS.Hash)
        {
            return "Fast rollback";
        }

        var index = _observed.CurrentStepIndex ?? 0;
        return StepCount == 0 || index == StepCount ? $"Completed all {StepCount} canary steps" : null;
    }

    private RolloutStatusState PromoteStable(RolloutStatusState status, string reason)
    {
        _pause = _pause with { Clear = true, RemoveAbort = true };
        status = status with { PromoteFull = false, CurrentStepIndex = StepCount > 0 ? StepCount : null };
        if (status.StableRS != status.CurrentPodHash)
        {
            status = status with { StableRS = status.CurrentPodHash };
            Transition(RolloutTransitionKind.Promoted, status.CurrentStepIndex,
                $"Rollout completed update to revision {_rolloutRevision} ({status.CurrentPodHash}): {reason}");
        }

        return status;
    }

    /// <summary>completedCurrentCanaryStep: the step's text (as CanaryStepString) when the current step is done, else null.</summary>
    private string? CompletedCurrentCanaryStep()
    {
        if (_spec.Paused || StepCount == 0)
        {
            return null;
        }

        var index = _observed.CurrentStepIndex ?? 0;
        if (index >= StepCount)
        {
            return null;
        }

        switch (_spec.Canary.Steps[index])
        {
            case PauseStep pause:
                var condition = _observed.PauseCondition(RolloutConditions.CanaryPauseStep);
                var unpaused = _observed.ControllerPause && condition is null;
                var expired = pause.Duration is { } duration && condition is not null && _now > condition.StartTime + duration;
                return unpaused || expired ? PauseText(index) : null;
            case SetWeightStep weight:
                return AtDesiredReplicaCounts() ? $"setWeight: {weight.Weight}" : null;
            default:
                return null;
        }
    }

    /// <summary>CanaryStepString of a pause: the duration as written (intstr's String), "pause" alone when indefinite.</summary>
    private string PauseText(int index) =>
        (_observation.Rollout["spec"]?["strategy"]?["canary"]?["steps"]?[index]?["pause"]?["duration"]) switch
        {
            null => "pause",
            var duration => $"pause: {(RolloutJson.Long(duration) is { } seconds ? RolloutJson.Number(seconds) : RolloutJson.Text(duration))}",
        };

    /// <summary>AtDesiredReplicaCountsForCanary: canary and stable at their sizes and available, older ReplicaSets without available pods.</summary>
    private bool AtDesiredReplicaCounts()
    {
        if (DesiredCounts() is not { } desired || _newRS is not { } newRS)
        {
            return false;
        }

        var canaryAvailable = desired.Canary == newRS.SpecReplicas && desired.Canary == newRS.AvailableReplicas;
        var stableCreated = _stableRS is { } stable && desired.Stable == stable.SpecReplicas && desired.Stable == stable.StatusReplicas;
        return canaryAvailable && stableCreated && _others.Sum(rs => rs.AvailableReplicas) == 0;
    }

    /// <summary>Records a transition; its weights are filled in with the decision.</summary>
    private void Transition(RolloutTransitionKind kind, int? index, string message) =>
        _transitions.Add(new RolloutTransition(kind, index, StepCount, 0, 0, message));

    /// <summary>The canary's share of pods a status stands for: 100 once stable or promoted, 0 on abort, else the last setWeight reached.</summary>
    private int CanaryWeight(RolloutStatusState status)
    {
        if (status.StableRS.Length == 0 || status.StableRS == status.CurrentPodHash || status.PromoteFull)
        {
            return 100;
        }

        if (status.Abort)
        {
            return 0;
        }

        var index = status.CurrentStepIndex ?? 0;
        if (StepCount == 0 || index >= StepCount)
        {
            return 100;
        }

        for (var i = index; i >= 0; i--)
        {
            if (_spec.Canary.Steps[i] is SetWeightStep weight)
            {
                return weight.Weight;
            }
        }

        return 0;
    }
}
