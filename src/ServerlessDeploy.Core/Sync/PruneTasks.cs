using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Hooks;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// The prune tasks: one per live tracked resource that Git no longer holds, in the Sync phase at the live object's
/// wave. Hooks are never pruned. As in Argo CD, pruning not enabled gives "ignored (requires pruning)", and
/// <c>Prune=false</c> or <c>Delete=false</c> on the live object gives "ignored (no prune)".
/// </summary>
internal static class PruneTasks
{
    public static IReadOnlyList<SyncTask> Create(
        IReadOnlyList<Manifest> desired, IReadOnlyDictionary<ResourceKey, Manifest> live, SyncPlanOptions options, PlanFindings findings)
    {
        var wanted = desired.Select(manifest => manifest.Key).ToHashSet();
        var tasks = new List<SyncTask>();
        foreach (var obj in live.Values.Where(obj => !wanted.Contains(obj.Key)))
        {
            if (ForLive(obj, options, findings) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private static SyncTask? ForLive(Manifest obj, SyncPlanOptions options, PlanFindings findings)
    {
        var annotations = ResourceAnnotations.Read(obj);
        switch (annotations.Hook.Role)
        {
            case HookRole.Hook or HookRole.OutsideSync:
                return null;
            case HookRole.Skip:
                findings.Skip(obj, SkipReason.PruneDisabledByResource, $"ignored ({HookAnnotation.Name}: {annotations.Hook.Text})");
                return null;
        }

        if (!options.Prune)
        {
            findings.Skip(obj, SkipReason.PruneDisabled, "ignored (requires pruning)");
            return null;
        }

        findings.Report(obj, annotations.Problems);
        if (!annotations.Options.Prune || !annotations.Options.Delete)
        {
            findings.Skip(obj, SkipReason.PruneDisabledByResource, "ignored (no prune)");
            return null;
        }

        var taskOptions = annotations.Options with { PruneLast = annotations.Options.PruneLast || options.PruneLast };
        return new SyncTask(null, obj.Json, SyncPhase.Sync, annotations.Wave, IsHook: false, HookDeletePolicies.None, taskOptions);
    }
}
