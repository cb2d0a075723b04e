namespace ServerlessDeploy.Core.Sync;

/// <summary>Sorts tasks by their sort key and cuts them into steps of (phase, wave) and kind groups.</summary>
internal static class SyncSteps
{
    public static IReadOnlyList<SyncStep> Group(IEnumerable<SyncTask> tasks) =>
    [
        .. tasks
            .OrderBy(task => task.SortKey)
            .GroupBy(task => (task.Phase, task.Wave))
            .Select(step => new SyncStep(step.Key.Phase, step.Key.Wave, KindGroups(step))),
    ];

    private static IReadOnlyList<KindGroup> KindGroups(IEnumerable<SyncTask> step) =>
    [
        .. step
            .GroupBy(task => (task.IsPrune, task.Kind))
            .Select(group => new KindGroup(group.Key.Kind, group.Key.IsPrune, [.. group])),
    ];
}
