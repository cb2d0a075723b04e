using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>One change the Argo Rollouts controller would make to the cluster, in the order it would make it.</summary>
internal abstract record RolloutWrite
{
    private RolloutWrite()
    {
    }

    /// <summary>Create this ReplicaSet (the full object, 0 replicas, as createDesiredReplicaSet does).</summary>
    public sealed record CreateReplicaSet(JsonObject ReplicaSet) : RolloutWrite;

    /// <summary>Set spec.replicas and the <c>rollout.argoproj.io/desired-replicas</c> annotation.</summary>
    public sealed record ScaleReplicaSet(string Name, int Replicas, int DesiredReplicasAnnotation) : RolloutWrite;

    /// <summary>Set these annotations on an existing ReplicaSet (revision bump, Rollout annotations copied over).</summary>
    public sealed record AnnotateReplicaSet(string Name, ImmutableSortedDictionary<string, string> Annotations) : RolloutWrite;

    /// <summary>Delete an old, scaled-down ReplicaSet beyond revisionHistoryLimit.</summary>
    public sealed record DeleteReplicaSet(string Name) : RolloutWrite;

    /// <summary>
    /// Evict pods created before spec.restartAt, in this order, until <paramref name="Budget"/> of them are gone; their
    /// ReplicaSets replace them. One a PodDisruptionBudget keeps for now (429) is passed over for the next, as restart.go
    /// passes it over, and the Rollout looks again later.
    /// </summary>
    public sealed record EvictPods(ImmutableArray<string> Pods, int Budget) : RolloutWrite
    {
        public override string ToString() => $"EvictPods {{ Pods = [{string.Join(", ", Pods)}], Budget = {Budget} }}";
    }

    /// <summary>Point the Service's <c>rollouts-pod-template-hash</c> selector at <paramref name="Hash"/> and mark it managed by the Rollout.</summary>
    public sealed record PatchServiceSelector(string Service, string Hash, string Rollout) : RolloutWrite;

    /// <summary>Set the Rollout's <c>rollout.argoproj.io/revision</c> annotation.</summary>
    public sealed record SetRolloutRevision(long Revision) : RolloutWrite;

    /// <summary>Set the Rollout's spec.replicas, left unset by its author (the controller defaults it for HPA).</summary>
    public sealed record SetRolloutReplicas(int Replicas) : RolloutWrite;

    /// <summary>Replace the Rollout's status with this object (Argo patches the difference; the result is this object).</summary>
    public sealed record WriteRolloutStatus(JsonObject Status) : RolloutWrite;
}
