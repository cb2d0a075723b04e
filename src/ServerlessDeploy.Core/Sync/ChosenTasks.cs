namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// What a sync's choices leave of its tasks, as gitops-engine does: the apply strategy runs no hook, and a selective
/// sync only the selected resources (applied or pruned) and no hook.
/// </summary>
internal static class ChosenTasks
{
    public static IReadOnlyList<SyncTask> Keep(IReadOnlyList<SyncTask> tasks, SyncPlanOptions options) =>
        options is { SkipHooks: false, Selected: null }
            ? tasks
            : [.. tasks.Where(task => !task.IsHook && (options.Selected is not { } selected || selected.Contains(task.Key)))];
}
