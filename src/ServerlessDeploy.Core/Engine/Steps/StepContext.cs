using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine.Steps;

/// <summary>What every step of one sync shares: the comparison, the revision, start time and request.</summary>
internal sealed record StepContext(ApplicationComparison Comparison, string Revision, DateTimeOffset StartedAt, SyncRequest Request)
{
    /// <summary>Drives the Rollouts the sync's health gates watch, and keeps each one's last drive.</summary>
    public required RolloutGate Rollouts { get; init; }

    /// <summary>The in-sync resources of a step (the plan marked them): not applied, but their health still gates the next wave.</summary>
    public List<(ResourceKey, ClusterResourceType)> InSyncOf(SyncStep step) =>
        step.Tasks.Where(t => !t.Writes && Comparison.Types.ContainsKey(t.Key)).Select(t => (t.Key, Comparison.Types[t.Key])).ToList();
}
