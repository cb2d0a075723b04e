using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// What the reconciler sees of one Rollout: the live object (metadata.generation, annotations and status as the
/// cluster holds them), its validated spec, the ReplicaSets it owns and the canary / stable Services when named.
/// </summary>
/// <param name="ReplicaSets">Every ReplicaSet the Rollout controls (owner reference), in any order.</param>
/// <param name="Services">The live Services named by the canary strategy, looked up by name; a named one missing here is not found.</param>
internal sealed record RolloutObservation(
    JsonObject Rollout,
    RolloutSpec Spec,
    ImmutableArray<JsonObject> ReplicaSets,
    ImmutableArray<JsonObject> Services);
