using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// What the reconciler sees of one Rollout: the live object (metadata.generation, annotations and status as the
/// cluster holds them), its validated spec, the ReplicaSets it owns, the canary / stable Services when named, and the
/// pods to restart.
/// </summary>
/// <param name="ReplicaSets">Every ReplicaSet the Rollout controls (owner reference), in any order.</param>
/// <param name="Services">The live Services named by the canary strategy, looked up by name; a named one missing here is not found.</param>
/// <param name="Pods">The pods of those ReplicaSets (owner reference to one of them); listed only while a restart is pending.</param>
internal sealed record RolloutObservation(
    JsonObject Rollout,
    RolloutSpec Spec,
    ImmutableArray<JsonObject> ReplicaSets,
    ImmutableArray<JsonObject> Services,
    ImmutableArray<JsonObject> Pods)
{
    /// <summary>
    /// A PodDisruptionBudget refused an eviction a moment ago: no pod is evicted this time. Argo's controller would
    /// not try again until its ReplicaSets change or 30 s pass (restart.go requeues); the driver holds it that long.
    /// </summary>
    public bool EvictionsHeld { get; init; }
}
