using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Applies a Rollout action with the kubectl plugin's patches (<see cref="RolloutActor"/>). A cluster that does not
/// answer is told apart from a refusal, so the request is retried rather than failed.
/// </summary>
internal static class RolloutActionApplier
{
    /// <returns>Null when every patch was written; otherwise why the action was refused or stopped, and whether the cluster did not answer.</returns>
    public static async Task<(string Problem, bool Unanswered)?> ApplyAsync(IClusterClient cluster, RolloutActionRequest action, TimeProvider time, CancellationToken cancellationToken)
    {
        var lookup = await cluster.FindTypeAsync("argoproj.io/v1alpha1", "Rollout", cancellationToken);
        if (lookup.Unreadable is { } unreadable)
        {
            return (unreadable, true);
        }

        if (lookup.Type is { } type && await cluster.GetAsync(type, action.Namespace, action.Rollout, cancellationToken) is { StatusCode: 0 } unanswered)
        {
            return ($"Rollout {action.Id} could not be read: {unanswered}", true);
        }

        var result = await new RolloutActor(cluster, time).ActAsync(action.Namespace, action.Rollout, action.Action, action.RestartIn, cancellationToken);
        return result.Outcome switch
        {
            RolloutActionOutcome.Applied => null,
            RolloutActionOutcome.Refused => (result.Problem, false),
            // A patch the server turned down part-way: the request is retried, as the kubectl plugin's user would.
            _ => (result.Problem, true),
        };
    }
}
