namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// persistRolloutStatus: observed generation, progress-deadline abort, pause and abort fields, conditions and phase,
/// then a status write only when something changed.
/// </summary>
internal sealed partial class RolloutReconcilePass
{
    private RolloutDecision Persist(RolloutStatusState status)
    {
        status = status with { ObservedGeneration = _generation };
        EvaluateProgressDeadlineAbort(status);
        status = _pause.Apply(_observed, status, _stamp);
        status = WithPhase(CalculateConditions(status));
        if (!SameStatus(status))
        {
            _writes.Add(new RolloutWrite.WriteRolloutStatus(status.ToJson()));
            StatusTransitions(status);
        }

        return Decision(status);
    }

    /// <summary>evaluateProgressDeadlineAbort: with progressDeadlineAbort, an update that stopped progressing past its deadline aborts.</summary>
    private void EvaluateProgressDeadlineAbort(RolloutStatusState status)
    {
        if (!_spec.ProgressDeadlineAbort || _pause.IsAborted(_observed) || Completed(status)
            || Progressed(status) || IsIndefiniteStep() || !TimedOut(_observed))
        {
            return;
        }

        _pause = _pause with { AddAbort = true, AbortMessage = TimedOutMessage() };
    }

    private string TimedOutMessage() =>
        _newRS is { } newRS ? $"ReplicaSet \"{newRS.Name}\" has timed out progressing." : $"Rollout \"{_name}\" has timed out progressing.";

    /// <summary>calculateRolloutConditions: Healthy, Progressing (aborted, available, progressing, timed out), Available, Completed.</summary>
    private RolloutStatusState CalculateConditions(RolloutStatusState status)
    {
        var conditions = status.Conditions;
        var isPaused = !status.PauseConditions.IsEmpty || _spec.Paused;
        var aborted = _pause.IsAborted(_observed);
        var healthy = Healthy(status);
        var becameUnhealthy = false;
        if (!isPaused && healthy)
        {
            conditions = Set(conditions, RolloutConditions.Healthy, "True", RolloutConditions.RolloutHealthyReason, RolloutConditions.RolloutHealthyMessage).Conditions;
        }
        else if (_observed.Condition(RolloutConditions.Healthy) is not null)
        {
            (conditions, becameUnhealthy) = Set(conditions, RolloutConditions.Healthy, "False", RolloutConditions.RolloutHealthyReason, RolloutConditions.RolloutNotHealthyMessage);
        }

        if (aborted)
        {
            var message = $"Rollout aborted update to revision {_rolloutRevision}";
            if (_pause.AbortMessage.Length > 0)
            {
                message = $"{message}: {_pause.AbortMessage}";
            }

            bool changed;
            (conditions, changed) = Set(conditions, RolloutConditions.Progressing, "False", RolloutConditions.RolloutAbortedReason, message);
            if (changed)
            {
                Transition(RolloutTransitionKind.Aborted, status.CurrentStepIndex, message);
            }
        }
        else
        {
            var rsName = _newRS?.Name ?? "";
            var current = _observed.Condition(RolloutConditions.Progressing);
            if (healthy)
            {
                conditions = Set(conditions, RolloutConditions.Progressing, "True", RolloutConditions.NewRSAvailableReason, $"ReplicaSet \"{rsName}\" has successfully progressed.").Conditions;
            }
            else if (Progressed(status) || becameUnhealthy)
            {
                var (reason, message) = status.StableRS == status.CurrentPodHash && becameUnhealthy
                    ? (RolloutConditions.ReplicaSetNotAvailableReason, RolloutConditions.NotAvailableMessage)
                    : (RolloutConditions.ReplicaSetUpdatedReason, _newRS is null ? $"Rollout \"{_name}\" is progressing." : $"ReplicaSet \"{rsName}\" is progressing.");

                // Progress refreshes lastUpdateTime even with an unchanged reason: that is what the deadline counts from.
                var condition = RolloutConditions.New(RolloutConditions.Progressing, "True", reason, message, _stamp);
                if (current is not null)
                {
                    if (current.Status == "True")
                    {
                        condition = condition with { LastTransitionTime = current.LastTransitionTime };
                    }

                    conditions = RolloutConditions.Remove(conditions, RolloutConditions.Progressing);
                }

                conditions = RolloutConditions.Set(conditions, condition).Conditions;
            }
            else if (!IsIndefiniteStep() && TimedOut(status with { Conditions = conditions }))
            {
                conditions = Set(conditions, RolloutConditions.Progressing, "False", RolloutConditions.TimedOutReason, TimedOutMessage()).Conditions;
            }
        }

        conditions = _all.Sum(rs => rs.AvailableReplicas) >= _spec.Replicas
            ? Set(conditions, RolloutConditions.Available, "True", RolloutConditions.AvailableReason, RolloutConditions.AvailableMessage).Conditions
            : Set(conditions, RolloutConditions.Available, "False", RolloutConditions.AvailableReason, RolloutConditions.NotAvailableMessage).Conditions;
        conditions = RolloutConditions.Remove(conditions, RolloutConditions.ReplicaFailure);
        conditions = Set(conditions, RolloutConditions.Completed, Completed(status) ? "True" : "False", RolloutConditions.RolloutCompletedReason, RolloutConditions.RolloutCompletedReason).Conditions;
        return status with { Conditions = conditions };
    }

    private (System.Collections.Immutable.ImmutableArray<RolloutCondition> Conditions, bool Changed) Set(
        System.Collections.Immutable.ImmutableArray<RolloutCondition> conditions, string type, string status, string reason, string message) =>
        RolloutConditions.Set(conditions, RolloutConditions.New(type, status, reason, message, _stamp));

    /// <summary>RolloutCompleted: the current pod hash is the stable one.</summary>
    private static bool Completed(RolloutStatusState status) => status.StableRS.Length > 0 && status.StableRS == status.CurrentPodHash;

    /// <summary>RolloutHealthy: all steps done, the current ReplicaSet stable, every replica updated and available, old ones gone, the generation observed.</summary>
    private bool Healthy(RolloutStatusState status)
    {
        var replicas = _spec.Replicas;
        var executedAllSteps = StepCount == 0 || status.CurrentStepIndex is null || status.CurrentStepIndex == StepCount;
        return status.UpdatedReplicas == replicas
            && status.AvailableReplicas == replicas
            && _observed.ObservedGeneration == _generation
            && executedAllSteps
            && Completed(status)
            && status.Replicas == replicas;
    }

    /// <summary>RolloutProgressing: anything moved since the observed status (replicas, stable, step, steps).</summary>
    private bool Progressed(RolloutStatusState status)
    {
        var old = _observed;
        var stepMoved = status.CurrentStepIndex is { } newIndex && old.CurrentStepIndex is { } oldIndex && newIndex != oldIndex;
        return status.UpdatedReplicas != old.UpdatedReplicas
            || status.Replicas - status.UpdatedReplicas < old.Replicas - old.UpdatedReplicas
            || status.ReadyReplicas > old.ReadyReplicas
            || status.AvailableReplicas > old.AvailableReplicas
            || status.StableRS != old.StableRS
            || stepMoved
            || status.CurrentStepHash != old.CurrentStepHash;
    }

    /// <summary>isIndefiniteStep: a pause step (timed or not), or a true Paused condition, does not count against the deadline.</summary>
    private bool IsIndefiniteStep()
    {
        var index = _observed.CurrentStepIndex ?? 0;
        return (StepCount > index && _spec.Canary.Steps[index] is PauseStep)
            || _observed.Condition(RolloutConditions.Paused)?.Status == "True";
    }

    /// <summary>RolloutTimedOut: the Progressing condition's last update is more than progressDeadlineSeconds ago (never when paused or aborted).</summary>
    private bool TimedOut(RolloutStatusState status)
    {
        var condition = status.Condition(RolloutConditions.Progressing);
        if (condition is null || condition.Reason is RolloutConditions.RolloutAbortedReason or RolloutConditions.RolloutPausedReason)
        {
            return false;
        }

        return condition.Reason == RolloutConditions.TimedOutReason
            || condition.LastUpdateTime + TimeSpan.FromSeconds(_spec.ProgressDeadlineSeconds) < _now;
    }
}
