namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// The tasks of one step that share a kind and an operation: the executor runs a group's tasks concurrently and
/// the groups one after the other.
/// </summary>
internal sealed record KindGroup(string Kind, bool IsPrune, IReadOnlyList<SyncTask> Tasks)
{
    /// <summary>"apply ConfigMap: fresh (in sync: settings)".</summary>
    public override string ToString()
    {
        var inSync = Tasks.Where(t => !t.Writes).Select(t => t.Name).ToList();
        return $"{(IsPrune ? "prune" : "apply")} {Kind}: {string.Join(", ", Tasks.Where(t => t.Writes).Select(t => t.Name))}"
            + (inSync.Count > 0 ? $" (in sync: {string.Join(", ", inSync)})" : "");
    }
}
