namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// A manual sync's sync options (Argo CD's names, <c>Replace=true</c>) over the Application's own, read by the same
/// rules as spec.syncPolicy.syncOptions: an option this product does not carry out, or does not know, is a problem
/// naming it, never accepted and ignored.
/// </summary>
public sealed record SyncOptionsOverride(ApplicationSyncOptions Options, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public static SyncOptionsOverride Of(ApplicationSyncOptions options, IReadOnlyList<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<string>();
        var read = SyncOptionsReader.Read(new SpecNode(null, "", problems), entries, options);
        return new SyncOptionsOverride(read, problems);
    }
}
