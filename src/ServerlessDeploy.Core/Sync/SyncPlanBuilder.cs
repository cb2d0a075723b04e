using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Waves;

namespace ServerlessDeploy.Core.Sync;

/// <summary>Builds a <see cref="SyncPlan"/>: a list of calls, one per step of gitops-engine's task planning.</summary>
internal static class SyncPlanBuilder
{
    public static SyncPlan Build(IReadOnlyList<Manifest> desired, IReadOnlyList<JsonObject> liveTracked, SyncPlanOptions options)
    {
        var findings = new PlanFindings();
        var live = IndexLive(liveTracked);
        RolloutManifests.Check(desired, findings);
        IReadOnlyList<SyncTask> tasks =
        [
            .. DesiredTasks.Create(desired, live, options, findings),
            .. PruneTasks.Create(desired, live, options, findings),
        ];
        tasks = ChosenTasks.Keep(tasks, options);
        tasks = PruneWaves.Reverse(tasks);
        tasks = PruneWaves.MovePruneLast(tasks);
        tasks = DependencyOrder.Apply(tasks);
        tasks = OutOfSyncOnly(tasks, options);
        if (findings.HasErrors)
        {
            return new SyncPlan([], [], findings.Skipped, findings.Errors);
        }

        var steps = SyncSteps.Group(tasks);
        return new SyncPlan(
            [.. steps.Where(step => step.Phase != SyncPhase.SyncFail)],
            [.. steps.Where(step => step.Phase == SyncPhase.SyncFail)],
            findings.Skipped,
            findings.Errors);
    }

    private static Dictionary<ResourceKey, Manifest> IndexLive(IReadOnlyList<JsonObject> liveTracked)
    {
        var index = new Dictionary<ResourceKey, Manifest>();
        foreach (var obj in liveTracked)
        {
            var manifest = new Manifest(obj);
            index.TryAdd(manifest.Key, manifest);
        }

        return index;
    }

    /// <summary>
    /// Argo CD's ApplyOutOfSyncOnly, decided here once: a resource whose live object is in sync is marked not to be
    /// written (it stays in its step, whose health gate covers it); hooks and prunes always run.
    /// </summary>
    private static IReadOnlyList<SyncTask> OutOfSyncOnly(IReadOnlyList<SyncTask> tasks, SyncPlanOptions options) =>
        options.ApplyOutOfSyncOnly
            ? [.. tasks.Select(task => task.IsHook || task.IsPrune || task.Live is null || !options.InSync.Contains(task.Key) ? task : task with { InSync = true })]
            : tasks;
}
