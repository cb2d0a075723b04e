namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// One (phase, wave) of a sync. The executor first prunes (prune groups come first, in reverse kind order), then
/// deletes the hooks in <see cref="HooksToDeleteBeforeCreation"/>, then applies the other groups in kind order,
/// and waits for health before the next step.
/// </summary>
internal sealed record SyncStep(SyncPhase Phase, int Wave, IReadOnlyList<KindGroup> Groups)
{
    public IEnumerable<SyncTask> Tasks => Groups.SelectMany(group => group.Tasks);

    public IEnumerable<SyncTask> HooksToDeleteBeforeCreation => Tasks.Where(task => task.DeleteBeforeCreation);

    public override string ToString() => $"{Phase}/{Wave}";
}
