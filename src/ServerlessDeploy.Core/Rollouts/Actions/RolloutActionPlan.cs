using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// What a verb comes to on one live Rollout: merge patches in the plugin's order, <paramref name="Status"/> through the
/// status subresource first, then <paramref name="Spec"/>. When the status subresource is not served (a Rollouts v0.9
/// CRD) the plugin sends <paramref name="Unified"/> to the object instead of the spec patch. No patch at all is a
/// promotion with nothing to do.
/// </summary>
internal sealed record RolloutActionPlan(JsonObject? Status, JsonObject? Spec, JsonObject? Unified);
