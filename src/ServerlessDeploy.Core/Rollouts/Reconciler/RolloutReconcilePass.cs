using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// One reconcile of one Rollout, as rolloutContext holds it in Argo: the observed status (updated with what the
/// controller would have written mid-pass), the ReplicaSets sorted into new / stable / other, and the writes so far.
/// Lives for one <see cref="RolloutReconciler.Decide"/> call only.
/// </summary>
internal sealed partial class RolloutReconcilePass
{
    /// <summary>Marks a Service whose selector the Rollout switches (serviceutil.HasManagedByAnnotation).</summary>
    public const string ManagedByAnnotation = "argo-rollouts.argoproj.io/managed-by-rollouts";

    private readonly RolloutObservation _observation;
    private readonly RolloutSpec _spec;
    private readonly DateTimeOffset _now;

    // Times written into the status are whole seconds, as metav1.Time round-trips through JSON.
    private readonly DateTimeOffset _stamp;
    private readonly RolloutStatusState _original;
    private readonly string _name;
    private readonly string _generation;
    private readonly string _stepHash;
    private readonly List<RolloutWrite> _writes = [];
    private readonly List<RolloutTransition> _transitions = [];
    private readonly List<ObservedReplicaSet> _all;

    private RolloutStatusState _observed;
    private PauseIntent _pause = PauseIntent.None;
    private long _rolloutRevision;
    private ObservedReplicaSet? _newRS;
    private ObservedReplicaSet? _stableRS;
    private List<ObservedReplicaSet> _others = [];
    private List<ObservedReplicaSet> _olders = [];

    public RolloutReconcilePass(RolloutObservation observation, DateTimeOffset now)
    {
        _observation = observation;
        _spec = observation.Spec;
        _now = now;
        _stamp = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        _original = RolloutStatusState.Read(observation.Rollout["status"]);
        _observed = _original;
        var metadata = observation.Rollout["metadata"];
        _name = RolloutJson.Text(metadata?["name"]);
        _generation = RolloutJson.Number(RolloutJson.Long(metadata?["generation"]) ?? 0);
        _stepHash = CanaryStepHash.Compute(observation.Rollout);
        _rolloutRevision = long.TryParse(RolloutJson.Map(metadata?["annotations"]).GetValueOrDefault(ObservedReplicaSet.RevisionAnnotation), out var revision) ? revision : 0;
        _all = [.. ObservedReplicaSet.ByCreation(observation.ReplicaSets.Select(ObservedReplicaSet.Read))];
    }

    private int StepCount => _spec.Canary.Steps.Length;

    public RolloutDecision Run()
    {
        if (PodTemplateHash.Compute(_spec.Template, _observed.CollisionCount) is not PodTemplateHashOutcome.Computed computed)
        {
            return Blocked("the pod template's hash cannot be reproduced exactly");
        }

        // newRolloutContext: the new ReplicaSet is created before anything else is looked at.
        var newRS = _all.FirstOrDefault(rs => rs.Hash == computed.Hash) ?? CreateDesiredReplicaSet(computed.Hash);
        SortReplicaSets(newRS);
        if (_observed.StableRS == _observed.CurrentPodHash && _pause.IsAborted(_observed))
        {
            // A fully promoted Rollout has nothing to abort.
            _pause = _pause with { RemoveAbort = true };
        }

        // syncHandler: an unset spec.replicas is written as 1 (HPA needs the field), and the pass ends there.
        if (_observation.Rollout["spec"]?["replicas"] is null)
        {
            FlushIntermediateStatus();
            _writes.Add(new RolloutWrite.SetRolloutReplicas(RolloutSpec.DefaultReplicas));
            return Decision(_observed);
        }

        if (CheckPausedConditions() is { } pausedDecision)
        {
            return pausedDecision;
        }

        // isScalingEvent syncs the revision first; rolloutCanary syncs it again, which is when the Rollout's own
        // revision follows a renumbered ReplicaSet.
        newRS = SyncReplicaSetRevision(newRS);
        SortReplicaSets(newRS);
        if (IsScalingEvent())
        {
            return SyncReplicasOnly();
        }

        return RolloutCanary(newRS);
    }

    private RolloutDecision RolloutCanary(ObservedReplicaSet newRS)
    {
        var changed = PodTemplateOrStepsChanged(newRS);
        newRS = SyncReplicaSetRevision(newRS);
        SortReplicaSets(newRS);
        if (changed)
        {
            return SyncStatus(changed: true);
        }

        if (RestartPods())
        {
            // The ReplicaSets' availability will not count the pods evicted: scaling now could take too many down, so
            // the pass ends here and the next one sees the counts as they are. Evictions all refused are held, so the
            // pass after goes on past here, as restart.go's would on restarting none.
            FlushIntermediateStatus();
            return Decision(_observed);
        }

        ReconcileRevisionHistoryLimit();
        if (ReconcileStableAndCanaryService() is { } missing)
        {
            return Blocked(missing);
        }

        if (ReconcileCanaryReplicaSets() is var (scaled, invalid) && invalid is not null)
        {
            return Blocked(invalid);
        }
        else if (scaled)
        {
            return SyncStatus(changed: false);
        }

        ReconcileCanaryPause();
        return SyncStatus(changed: false);
    }

    /// <summary>isScalingEvent: the new or stable ReplicaSet, scaled up, was sized for another spec.replicas (an HPA or a person changed it).</summary>
    private bool IsScalingEvent() =>
        new[] { _newRS, _stableRS }.OfType<ObservedReplicaSet>().Where(rs => rs.SpecReplicas > 0).Any(rs =>
            int.TryParse(rs.Annotations.GetValueOrDefault(ObservedReplicaSet.DesiredReplicasAnnotation), out var desired)
            && desired != _spec.Replicas);

    /// <summary>syncReplicasOnly: rescale the canary's ReplicaSets and keep the status but for availability.</summary>
    private RolloutDecision SyncReplicasOnly()
    {
        if (ReconcileCanaryReplicaSets().Invalid is { } invalid)
        {
            return Blocked(invalid);
        }

        return Persist(_observed with { AvailableReplicas = _all.Sum(rs => rs.AvailableReplicas), HpaReplicas = _all.Sum(rs => rs.StatusReplicas) });
    }

    /// <summary>A pass ending before its status write still leaves what the controller wrote mid-pass (the Progressing condition of a created ReplicaSet).</summary>
    private void FlushIntermediateStatus()
    {
        if (!SameStatus(_observed))
        {
            _writes.Add(new RolloutWrite.WriteRolloutStatus(_observed.ToJson()));
        }
    }

    /// <summary>checkPausedConditions: on an observed generation, align Progressing/Paused conditions with the pause state and stop there.</summary>
    private RolloutDecision? CheckPausedConditions()
    {
        if (_observed.ObservedGeneration != _generation)
        {
            return null;
        }

        var progressing = _observed.Condition(RolloutConditions.Progressing);
        var progressingPaused = progressing?.Reason == RolloutConditions.RolloutPausedReason;
        var isPaused = !_observed.PauseConditions.IsEmpty || _spec.Paused;
        var abortConditionExists = progressing?.Reason == RolloutConditions.RolloutAbortedReason;
        var updates = new List<RolloutCondition>();
        var kind = (RolloutTransitionKind?)null;
        if (isPaused != progressingPaused && !abortConditionExists && !Completed(_observed))
        {
            updates.Add(isPaused
                ? RolloutConditions.New(RolloutConditions.Progressing, "Unknown", RolloutConditions.RolloutPausedReason, RolloutConditions.RolloutPausedMessage, _stamp)
                : RolloutConditions.New(RolloutConditions.Progressing, "Unknown", RolloutConditions.RolloutResumedReason, RolloutConditions.RolloutResumedMessage, _stamp));
            // A pause step was already reported when its pause condition was added; only spec.paused is new here.
            kind = !isPaused ? RolloutTransitionKind.Resumed
                : _observed.PauseCondition(RolloutConditions.CanaryPauseStep) is null ? RolloutTransitionKind.Paused : null;
        }

        if (!_observed.Abort && abortConditionExists)
        {
            updates.Add(RolloutConditions.New(RolloutConditions.Progressing, "Unknown", RolloutConditions.RolloutRetryReason, RolloutConditions.RolloutRetryMessage, _stamp));
            kind = RolloutTransitionKind.Retried;
        }

        var pausedTrue = _observed.Condition(RolloutConditions.Paused)?.Status == "True";
        if (isPaused != pausedTrue && !abortConditionExists)
        {
            updates.Add(RolloutConditions.New(RolloutConditions.Paused, isPaused ? "True" : "False", RolloutConditions.RolloutPausedReason, RolloutConditions.RolloutPausedMessage, _stamp));
        }

        if (updates.Count == 0)
        {
            return null;
        }

        var conditions = _observed.Conditions;
        foreach (var update in updates)
        {
            conditions = RolloutConditions.Set(conditions, update).Conditions;
        }

        var status = WithPhase(_observed with { Conditions = conditions, ObservedGeneration = _generation });
        if (SameStatus(status))
        {
            return null;
        }

        _writes.Add(new RolloutWrite.WriteRolloutStatus(status.ToJson()));
        if (kind is { } transition)
        {
            // The condition's own words ("Rollout is resumed"), not the phase message that happens to stand beside it.
            var message = transition switch
            {
                RolloutTransitionKind.Retried => RolloutConditions.RolloutRetryMessage,
                RolloutTransitionKind.Paused => RolloutConditions.RolloutPausedMessage,
                _ => RolloutConditions.RolloutResumedMessage,
            };
            _transitions.Add(new RolloutTransition(transition, _original.CurrentStepIndex, StepCount, 0, 0, message));
        }

        return Decision(status);
    }

    /// <summary>Sorts the ReplicaSets as newRolloutContext does: stable by status.stableRS, others neither new nor stable.</summary>
    private void SortReplicaSets(ObservedReplicaSet newRS)
    {
        _all.RemoveAll(rs => rs.Name == newRS.Name);
        _all.Add(newRS);
        _olders = [.. _all.Where(rs => rs.Name != newRS.Name)];
        _stableRS = _observed.StableRS.Length == 0 ? null
            : newRS.Hash == _observed.StableRS ? newRS
            : _olders.FirstOrDefault(rs => rs.Hash == _observed.StableRS);
        _others = [.. _all.Where(rs => rs.Name != newRS.Name && rs.Name != _stableRS?.Name)];
        _newRS = newRS;
    }

    private bool PodTemplateOrStepsChanged(ObservedReplicaSet newRS) =>
        _observed.CurrentStepHash.Length == 0
        || _observed.CurrentStepHash != _stepHash
        || (_observed.CurrentPodHash.Length > 0 && _observed.CurrentPodHash != newRS.Hash);

    /// <summary>createDesiredReplicaSet: revision one past the highest, then the Rollout's revision and a Progressing condition.</summary>
    private ObservedReplicaSet CreateDesiredReplicaSet(string hash)
    {
        var revision = (_all.Count == 0 ? 0 : _all.Max(rs => rs.Revision)) + 1;
        var manifest = ReplicaSetManifest.Build(_observation.Rollout, _spec, hash, revision);
        _writes.Add(new RolloutWrite.CreateReplicaSet(manifest));
        var rs = ObservedReplicaSet.Read(manifest) with { Created = _now, ObservedGeneration = 0, Generation = 0 };
        SetRolloutRevision(revision);
        _observed = _observed with
        {
            Conditions = RolloutConditions.Set(_observed.Conditions, RolloutConditions.New(
                RolloutConditions.Progressing, "True", RolloutConditions.NewReplicaSetReason, $"Created new replica set \"{rs.Name}\"", _stamp)).Conditions,
        };
        return rs;
    }

    /// <summary>syncReplicaSetRevision: the new ReplicaSet's revision is one past the others' (a rollback renumbers it), Rollout annotations copied.</summary>
    private ObservedReplicaSet SyncReplicaSetRevision(ObservedReplicaSet newRS)
    {
        var newRevision = (_olders.Count == 0 ? 0 : _olders.Max(rs => rs.Revision)) + 1;
        var changes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ReplicaSetManifest.CopiedAnnotations(_observation.Rollout))
        {
            if (newRS.Annotations.GetValueOrDefault(key) != value)
            {
                changes[key] = value;
            }
        }

        var hasRevision = newRS.Annotations.TryGetValue(ObservedReplicaSet.RevisionAnnotation, out var oldRevision);
        if (!hasRevision || long.TryParse(oldRevision, out _))
        {
            if (newRS.Revision < newRevision)
            {
                changes[ObservedReplicaSet.RevisionAnnotation] = RolloutJson.Number(newRevision);
            }

            // A renumbered ReplicaSet keeps its earlier revisions in revision-history.
            if (hasRevision && oldRevision is not null && changes.Count > 0)
            {
                var history = newRS.Annotations.GetValueOrDefault(ObservedReplicaSet.RevisionHistoryAnnotation, "");
                changes[ObservedReplicaSet.RevisionHistoryAnnotation] = history.Length == 0 ? oldRevision : $"{history},{oldRevision}";
            }
        }

        if (changes.Count > 0)
        {
            _writes.Add(new RolloutWrite.AnnotateReplicaSet(newRS.Name, changes.ToImmutable()));
            var annotations = newRS.Annotations.ToDictionary(StringComparer.Ordinal);
            foreach (var (key, value) in changes)
            {
                annotations[key] = value;
            }

            return newRS with { Annotations = annotations, Revision = Math.Max(newRS.Revision, changes.ContainsKey(ObservedReplicaSet.RevisionAnnotation) ? newRevision : newRS.Revision) };
        }

        if (newRS.Annotations.TryGetValue(ObservedReplicaSet.RevisionAnnotation, out var text) && long.TryParse(text, out var current))
        {
            SetRolloutRevision(current);
        }

        if (_observed.Condition(RolloutConditions.Progressing) is null)
        {
            _observed = _observed with
            {
                Conditions = RolloutConditions.Set(_observed.Conditions, RolloutConditions.New(
                    RolloutConditions.Progressing, "True", RolloutConditions.FoundNewRSReason, $"Found new replica set \"{newRS.Name}\"", _stamp)).Conditions,
            };
        }

        return newRS;
    }

    private void SetRolloutRevision(long revision)
    {
        if (revision != _rolloutRevision)
        {
            _writes.Add(new RolloutWrite.SetRolloutRevision(revision));
            _rolloutRevision = revision;
        }
    }

    /// <summary>reconcileRevisionHistoryLimit: the oldest scaled-down other ReplicaSets beyond the limit are deleted.</summary>
    private void ReconcileRevisionHistoryLimit()
    {
        var cleanable = ObservedReplicaSet.ByCreation(_others.Where(rs => !rs.Deleting)).ToList();
        var excess = cleanable.Count - _spec.RevisionHistoryLimit;
        for (var i = 0; i < excess; i++)
        {
            var rs = cleanable[i];
            if (rs.StatusReplicas != 0 || rs.SpecReplicas != 0 || rs.Generation > rs.ObservedGeneration)
            {
                continue;
            }

            _writes.Add(new RolloutWrite.DeleteReplicaSet(rs.Name));
        }
    }

    /// <summary>reconcileStableAndCanaryService: stable Service to the stable hash; canary Service to the canary, or to stable on abort. Null, or why it cannot.</summary>
    private string? ReconcileStableAndCanaryService()
    {
        if (EnsureServiceTargets(_spec.Canary.StableService, _stableRS) is { } stableMissing)
        {
            return stableMissing;
        }

        return EnsureServiceTargets(_spec.Canary.CanaryService, _pause.IsAborted(_observed) ? _stableRS : _newRS);
    }

    private string? EnsureServiceTargets(string? serviceName, ObservedReplicaSet? rs)
    {
        if (rs is null || string.IsNullOrEmpty(serviceName))
        {
            return null;
        }

        var service = _observation.Services.FirstOrDefault(s => RolloutJson.Text(s["metadata"]?["name"]) == serviceName);
        if (service is null)
        {
            return $"service \"{serviceName}\" not found";
        }

        var current = RolloutJson.Map(service["spec"]?["selector"]).GetValueOrDefault(ObservedReplicaSet.HashLabel, "");
        if (current == rs.Hash)
        {
            return null;
        }

        // Adopting a Service not yet managed waits for a fully available ReplicaSet; a managed one needs a single available pod.
        var managed = RolloutJson.Map(service["metadata"]?["annotations"]).ContainsKey(ManagedByAnnotation);
        var fullyAvailable = rs.SpecReplicas != 0 && rs.AvailableReplicas != 0 && rs.SpecReplicas <= rs.AvailableReplicas;
        if ((!managed && !fullyAvailable) || rs.AvailableReplicas <= 0)
        {
            return null;
        }

        _writes.Add(new RolloutWrite.PatchServiceSelector(serviceName, rs.Hash, _name));
        return null;
    }

    private RolloutDecision Blocked(string reason) =>
        new([.. _writes], new RolloutWait.Blocked(reason), [.. _transitions]);

    private RolloutStatusState WithPhase(RolloutStatusState status) =>
        PhaseOf(status, _observation.Rollout["spec"]?.DeepClone()) is { } determined
            ? status with { Phase = determined.Phase, Message = determined.Message }
            : status;

    private static RolloutPhaseOutcome.Determined? PhaseOf(RolloutStatusState status, JsonNode? spec) =>
        RolloutPhase.Calculate(new JsonObject { ["spec"] = spec, ["status"] = status.ToJson() }) as RolloutPhaseOutcome.Determined;

    private bool SameStatus(RolloutStatusState status) => JsonNode.DeepEquals(status.ToJson(), _original.ToJson());
}
