using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Testing.Rollouts;

/// <summary>
/// Two of the Argo Rollouts kubectl plugin's actions, for tests of the deployer only (the actions themselves are the
/// Core's): promote clears the status's pause conditions, abort sets status.abort; every other action is refused.
/// </summary>
public sealed class TestRolloutActions : IRolloutActions
{
    public RolloutActionPlan Plan(RolloutActionKind action, JsonObject rollout) => action switch
    {
        RolloutActionKind.Promote => new([new RolloutActionPatch(new JsonObject { ["status"] = new JsonObject { ["pauseConditions"] = null } }, Status: true)]),
        RolloutActionKind.Abort => new([new RolloutActionPatch(new JsonObject { ["status"] = new JsonObject { ["abort"] = true } }, Status: true)]),
        _ => RolloutActionPlan.Refused($"{RolloutActionNames.Of(action)} is not among the test's actions"),
    };
}
