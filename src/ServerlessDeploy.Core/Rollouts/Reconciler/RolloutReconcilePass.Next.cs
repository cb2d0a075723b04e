namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What the Rollout waits for after this pass, and the transitions read off the status change.</summary>
internal sealed partial class RolloutReconcilePass
{
    /// <summary>The decision, every transition carrying the canary's weight before this pass and after it.</summary>
    private RolloutDecision Decision(RolloutStatusState status)
    {
        var (before, after) = (WeightBefore(status), CanaryWeight(status));
        return new([.. _writes], Next(status), [.. _transitions.Select(t => t with { PreviousCanaryWeight = before, CanaryWeight = after })]);
    }

    /// <summary>The observed weight, or 0 when the observed status was about another pod template (a new one starts from none).</summary>
    private int WeightBefore(RolloutStatusState status) =>
        _original.CurrentPodHash == status.CurrentPodHash ? CanaryWeight(_original) : 0;

    private RolloutWait Next(RolloutStatusState status)
    {
        if (_writes.Count > 0)
        {
            return new RolloutWait.Reobserve();
        }

        var resting = Resting(status);
        if (RestartPending(status) && _spec.RestartAt is { } restartAt)
        {
            if (restartAt >= _now)
            {
                // checkEnqueueRollout wakes the Rollout when its restart is due, whatever else it waits for.
                return resting switch
                {
                    RolloutWait.Person person => person with { WakeAt = restartAt },
                    RolloutWait.Until pauseEnd when pauseEnd.At <= restartAt => pauseEnd,
                    RolloutWait.Until or RolloutWait.Done => new RolloutWait.Until(restartAt, "restart", RolloutWaitingFor.Restart),
                    _ => Progressing(status),
                };
            }

            // Due with pods left: restart.go looks again until every pod is new, paused, aborted or not.
            if (resting is not null)
            {
                return new RolloutWait.ReplicaSets(null);
            }
        }

        return resting ?? Progressing(status);
    }

    /// <summary>What the Rollout rests on once its pods are current: a person, a pause's end, or nothing left (Done); null while it progresses.</summary>
    private RolloutWait? Resting(RolloutStatusState status)
    {
        var progressing = status.Condition(RolloutConditions.Progressing);
        if (status.Abort)
        {
            return new RolloutWait.Person($"aborted: {progressing?.Message}", RolloutHold.Aborted);
        }

        if (progressing?.Reason == RolloutConditions.TimedOutReason)
        {
            return new RolloutWait.Person(progressing.Message, RolloutHold.ProgressDeadlineExceeded);
        }

        if (_spec.Paused)
        {
            return new RolloutWait.Person("spec.paused", RolloutHold.SpecPaused);
        }

        var index = status.CurrentStepIndex ?? 0;
        if (index < StepCount && _spec.Canary.Steps[index] is PauseStep pause
            && status.PauseCondition(RolloutConditions.CanaryPauseStep) is { } paused)
        {
            // Argo counts the pause over strictly after startTime + duration; a second later it is surely over.
            return pause.Duration is { } duration
                ? new RolloutWait.Until(paused.StartTime + duration + TimeSpan.FromSeconds(1), $"pause step {index} ends", RolloutWaitingFor.PauseEnd)
                : new RolloutWait.Person($"pause step {index} waits for promotion", RolloutHold.PauseStep);
        }

        // "rollout is restarting" stands in the phase while a restart is pending; the rest of the Rollout may be done.
        return status.Phase == RolloutPhase.Healthy || (RestartPending(status) && HealthyButForRestart(status)) ? new RolloutWait.Done() : null;
    }

    /// <summary>ReplicaSets becoming available; requeueStuckRollout: the deadline counts from the Progressing condition's last update.</summary>
    private RolloutWait.ReplicaSets Progressing(RolloutStatusState status)
    {
        var progressing = status.Condition(RolloutConditions.Progressing);
        var deadline = progressing is { Status: "True" } && !IsIndefiniteStep()
            ? progressing.LastUpdateTime + TimeSpan.FromSeconds(_spec.ProgressDeadlineSeconds) + TimeSpan.FromSeconds(1)
            : (DateTimeOffset?)null;
        return new RolloutWait.ReplicaSets(deadline);
    }

    /// <summary>Transitions seen between the observed and the written status: a pause entered, the canary's weight moved.</summary>
    private void StatusTransitions(RolloutStatusState status)
    {
        var before = WeightBefore(status);
        var after = CanaryWeight(status);
        if (_original.PauseCondition(RolloutConditions.CanaryPauseStep) is null && status.PauseCondition(RolloutConditions.CanaryPauseStep) is not null)
        {
            _transitions.Add(new RolloutTransition(RolloutTransitionKind.Paused, status.CurrentStepIndex, StepCount, before, after, "CanaryPauseStep"));
        }

        if (before != after)
        {
            _transitions.Add(new RolloutTransition(RolloutTransitionKind.WeightChanged, status.CurrentStepIndex, StepCount, before, after, $"canary weight {before} → {after}"));
        }
    }
}
