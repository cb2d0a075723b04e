namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// The tasks of one step that share a kind and an operation: the executor runs a group's tasks concurrently and
/// the groups one after the other.
/// </summary>
public sealed record KindGroup(string Kind, bool IsPrune, IReadOnlyList<SyncTask> Tasks)
{
    public override string ToString() => $"{(IsPrune ? "prune" : "apply")} {Kind}: {string.Join(", ", Tasks.Select(t => t.Name))}";
}
