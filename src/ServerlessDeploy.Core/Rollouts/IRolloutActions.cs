using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The patches a Rollout action is made of, as the Argo Rollouts kubectl plugin sends them for each verb. A port: the
/// deployer applies the plan and then drives the Rollout; the plans themselves are the actions' own code.
/// </summary>
public interface IRolloutActions
{
    /// <summary>The patches for <paramref name="action"/> on the Rollout as it is now, in order, or why the action does not apply to it now.</summary>
    RolloutActionPlan Plan(RolloutActionKind action, JsonObject rollout);
}

/// <summary>One JSON merge patch of the Rollout, or of its status subresource when <paramref name="Status"/>.</summary>
public sealed record RolloutActionPatch(JsonObject Patch, bool Status);

/// <summary>An action's patches, or its refusal (the reason it does not apply) with none.</summary>
public sealed record RolloutActionPlan(IReadOnlyList<RolloutActionPatch> Patches, string? Refusal = null)
{
    public static RolloutActionPlan Refused(string reason) => new([], reason);
}
