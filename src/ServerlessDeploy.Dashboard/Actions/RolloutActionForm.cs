using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>A Rollout action from its route: the verb is one the kubectl plugin knows (promote, abort, retry, pause, resume, …).</summary>
internal static class RolloutActionForm
{
    public static FormOutcome Read(AppDetail app, string ns, string rollout, string verb, string requester) =>
        RolloutActionNames.TryParse(verb, out var action)
            ? FormOutcome.Ready(new RolloutActionRequested(app.Summary.Name, ns, rollout, action, requester))
            : FormOutcome.Bad($"verb: \"{verb}\" is not {RolloutActionNames.All}");
}
