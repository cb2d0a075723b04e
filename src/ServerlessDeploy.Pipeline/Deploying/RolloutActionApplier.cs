using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Applies a Rollout action: reads the Rollout, asks the actions for its patches, and writes them in order. A cluster
/// that does not answer is told apart from a refusal, so the request is retried rather than failed.
/// </summary>
internal static class RolloutActionApplier
{
    // The driver's field manager: an action's writes are the rollout machinery's, never drift of the sync's.
    private const string FieldManager = "serverless-deploy-rollouts";

    /// <returns>Null when every patch was written; otherwise why the action was refused or stopped, and whether the cluster did not answer.</returns>
    public static async Task<(string Problem, bool Unanswered)?> ApplyAsync(IClusterClient cluster, IRolloutActions actions, RolloutActionRequest action, CancellationToken cancellationToken)
    {
        var lookup = await cluster.FindTypeAsync("argoproj.io/v1alpha1", "Rollout", cancellationToken);
        if (lookup.Type is not { } type)
        {
            return lookup.Unreadable is { } unreadable ? (unreadable, true) : ("the cluster serves no argoproj.io/v1alpha1 Rollout", false);
        }

        var got = await cluster.GetAsync(type, action.Namespace, action.Rollout, cancellationToken);
        if (!got.Succeeded || got.Body is not JsonObject rollout)
        {
            return got.NotFound ? ($"Rollout {action.Id} does not exist", false) : ($"Rollout {action.Id} could not be read: {got}", got.StatusCode == 0);
        }

        var plan = actions.Plan(action.Action, rollout);
        if (plan.Refusal is { } refusal)
        {
            return (refusal, false);
        }

        foreach (var patch in plan.Patches)
        {
            var patched = await cluster.MergePatchAsync(type, action.Namespace, action.Rollout, patch.Patch, FieldManager, patch.Status ? "status" : null, cancellationToken);
            if (!patched.Succeeded)
            {
                return ($"patching Rollout {action.Id}{(patch.Status ? "'s status" : "")} failed: {patched}", patched.StatusCode == 0);
            }
        }

        return null;
    }
}
