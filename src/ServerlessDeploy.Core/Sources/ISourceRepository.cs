namespace ServerlessDeploy.Core.Sources;

/// <summary>
/// Where an app's manifests come from (a Git repository, a pipeline artifact): resolves a revision, checks out its
/// tree, orders two revisions and lists what changed between them. Whatever access the source needs (credentials)
/// is its own business. Expected failures come back as values; an exception means the unexpected (the host is down).
/// </summary>
public interface ISourceRepository
{
    /// <summary>The revision <paramref name="revision"/> names now (a branch, a tag, a commit, HEAD or empty).</summary>
    Task<RevisionLookup> ResolveAsync(string repoUrl, string revision, CancellationToken cancellationToken);

    /// <summary>The files of <paramref name="repoUrl"/> at <paramref name="revision"/>, ready to render.</summary>
    Task<ISourceTree> CheckoutAsync(string repoUrl, string revision, CancellationToken cancellationToken);

    /// <summary>How <paramref name="revision"/> stands to <paramref name="baseline"/> in the source's history.</summary>
    Task<RevisionOrder> CompareAsync(string repoUrl, string revision, string baseline, CancellationToken cancellationToken);

    /// <summary>The paths changed from <paramref name="fromRevision"/> to <paramref name="toRevision"/>, sorted; null when the source cannot tell (every path counts then).</summary>
    Task<IReadOnlyList<string>?> ChangedPathsAsync(string repoUrl, string fromRevision, string toRevision, CancellationToken cancellationToken);

    /// <summary>The branch the source's HEAD names and its tip; null when it names none (detached, empty, or no branches at all).</summary>
    Task<DefaultBranch?> DefaultBranchAsync(string repoUrl, CancellationToken cancellationToken);
}
