using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine.Steps;

/// <summary>What every step of one sync shares: the comparison, the resources already in sync, the revision, start time and request.</summary>
internal sealed record StepContext(ApplicationComparison Comparison, IReadOnlySet<ResourceKey> InSync, string Revision, DateTimeOffset StartedAt, SyncRequest Request)
{
    /// <summary>Hooks and prunes always run; a resource already in sync is not applied again.</summary>
    public bool MustRun(SyncTask task) => task.IsHook || task.IsPrune || !InSync.Contains(task.Key);

    /// <summary>The in-sync resources of a step: not applied, but their health still gates the next wave.</summary>
    public List<(ResourceKey, ClusterResourceType)> InSyncOf(SyncStep step) =>
        step.Tasks.Where(t => !MustRun(t) && Comparison.Types.ContainsKey(t.Key)).Select(t => (t.Key, Comparison.Types[t.Key])).ToList();
}
