using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// As Argo CD: the dry run of a custom resource whose kind the cluster does not serve yet is skipped when the kind's
/// CustomResourceDefinition is part of the same sync (the project's Rollout definition under CreateRolloutCRD too), or
/// when the resource (or the application) says <c>SkipDryRunOnMissingResource=true</c>. The server cannot check an
/// object of a kind it does not know; the real sync applies it once its turn comes. A kind neither way accounted for
/// still fails the dry run.
/// </summary>
internal static class DryRunSkip
{
    /// <param name="type">The type the comparison found: served, defined by a CRD in the render, or null.</param>
    public static async Task<string?> ReasonAsync(
        IClusterClient cluster, ApplicationComparison comparison, SyncTask task, ClusterResourceType? type, CancellationToken cancellationToken)
    {
        // Served, or discovery cannot say now: the dry run itself is the check.
        if (type is not null && await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken) is not { Type: null, Unreadable: null })
        {
            return null;
        }

        var kind = $"the cluster does not serve {task.Kind} in {task.Manifest.ApiVersion} yet";
        if (type is not null && comparison.Types.ContainsKey(task.Key))
        {
            return comparison.CreatesRolloutDefinition && RolloutDefinition.Serves(task.Manifest)
                ? $"{kind}: the sync first creates the project's Rollout definition (CreateRolloutCRD), so there is nothing to check it against before"
                : $"{kind}: its CustomResourceDefinition is created by this sync, so there is nothing to check it against before";
        }

        return task.Options.SkipDryRunOnMissingResource ? $"{kind}: SkipDryRunOnMissingResource=true" : null;
    }
}
