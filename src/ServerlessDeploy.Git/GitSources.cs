using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.History;
using ServerlessDeploy.Git.Locations;
using ServerlessDeploy.Git.Mirrors;
using ServerlessDeploy.Git.Push;
using ServerlessDeploy.Git.Revisions;
using ServerlessDeploy.Git.Trees;

namespace ServerlessDeploy.Git;

/// <summary>
/// The Git side of an Application's spec.source: checks out a repository at a revision (resolved as Argo CD does)
/// into a cached folder, answers what changed between two commits, and writes commits back for image updates.
/// repoURL is an http(s) URL, a file:// URL or an absolute local path (the caller resolves relative ones); a local
/// folder that is not a Git repository is read as it is. Every failure is a <see cref="GitSourceException"/>.
/// </summary>
/// <remarks>
/// One bare mirror per repository is kept under the cache folder and fetched (all branches and tags, force-updated,
/// pruned) when the remote's references change; one operation at a time per repository within this instance,
/// different repositories in parallel. Each commit's files are written once to <c>trees/&lt;sha&gt;</c>.
/// </remarks>
public sealed class GitSources
{
    private readonly MirrorStore _mirrors;
    private readonly TreeMaterializer _trees;
    private readonly CommitPusher _pusher;

    public GitSources(GitSourceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mirrors = new MirrorStore(options.CacheDirectory);
        _trees = new TreeMaterializer(options.CacheDirectory);
        _pusher = new CommitPusher(_mirrors, options, timeProvider);
    }

    /// <summary>
    /// The files of <paramref name="repoUrl"/> at <paramref name="targetRevision"/> (HEAD or empty, a branch, a tag, a
    /// full or abbreviated sha, or a full ref name); for a plain local folder, the folder itself and an empty revision.
    /// </summary>
    public async Task<SourceCheckout> CheckoutAsync(string repoUrl, string targetRevision, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = RepositoryLocationParser.Parse(repoUrl);
        if (location.Kind == LocationKind.PlainFolder)
        {
            return new SourceCheckout(location.FetchUrl, "", location.DisplayUrl);
        }

        var sha = await _mirrors.RunAsync(location, m => Resolve(m, location, targetRevision, credentials, cancellationToken), cancellationToken);
        var root = await _trees.MaterializeAsync(_mirrors.PathOf(location), sha, cancellationToken);
        return new SourceCheckout(root, sha, location.DisplayUrl);
    }

    /// <summary>The commit <paramref name="targetRevision"/> names now (fetching first), without writing its files; empty for a plain local folder.</summary>
    public async Task<string> ResolveAsync(string repoUrl, string targetRevision, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = RepositoryLocationParser.Parse(repoUrl);
        return location.Kind == LocationKind.PlainFolder
            ? ""
            : await _mirrors.RunAsync(location, m => Resolve(m, location, targetRevision, credentials, cancellationToken), cancellationToken);
    }

    /// <summary>The commit <paramref name="targetRevision"/> names now (fetching first) with its author, message and time; an empty id for a plain local folder.</summary>
    public async Task<SourceRevision> DescribeAsync(string repoUrl, string targetRevision, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = RepositoryLocationParser.Parse(repoUrl);
        return location.Kind == LocationKind.PlainFolder
            ? new SourceRevision("")
            : await _mirrors.RunAsync(
                location,
                m => HistoryQueries.Describe(m, Resolve(m, location, targetRevision, credentials, cancellationToken), location.DisplayUrl),
                cancellationToken);
    }

    /// <summary>
    /// The branch the remote's HEAD names (its default branch, what HEAD or an empty targetRevision tracks) and its tip,
    /// from one read of the remote's advertised references (fetching when they changed); null when HEAD is detached or
    /// the repository is empty, and for a plain local folder.
    /// </summary>
    public async Task<DefaultBranch?> DefaultBranchAsync(string repoUrl, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = RepositoryLocationParser.Parse(repoUrl);
        return location.Kind == LocationKind.PlainFolder
            ? null
            : await _mirrors.RunAsync(location, m => DefaultBranchOf(m, location, credentials, cancellationToken), cancellationToken);
    }

    /// <summary>The paths added, modified or deleted between two commits (both sides of a rename), sorted; fetches when the mirror lacks either commit.</summary>
    public async Task<IReadOnlyList<string>> ChangedPathsAsync(string repoUrl, string fromSha, string toSha, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = Repository(repoUrl);
        return await _mirrors.RunAsync(
            location,
            m => HistoryQueries.ChangedPaths(Synced(m, location, credentials, cancellationToken, fromSha, toSha), fromSha, toSha, location.DisplayUrl),
            cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="ancestorSha"/> is <paramref name="descendantSha"/> or one of its ancestors; false after a
    /// force push replaced it. Fetches when the mirror lacks either commit.
    /// </summary>
    public async Task<bool> IsAncestorAsync(string repoUrl, string ancestorSha, string descendantSha, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = Repository(repoUrl);
        return await _mirrors.RunAsync(
            location,
            m => HistoryQueries.IsAncestor(Synced(m, location, credentials, cancellationToken, ancestorSha, descendantSha), ancestorSha, descendantSha, location.DisplayUrl),
            cancellationToken);
    }

    /// <summary>
    /// How <paramref name="revisionSha"/> stands to <paramref name="baselineSha"/>: the same commit, newer, older, diverged,
    /// or missing from the repository; Unknown for a plain local folder. Fetches when the mirror lacks either commit.
    /// </summary>
    public async Task<RevisionOrder> CompareAsync(string repoUrl, string revisionSha, string baselineSha, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var location = RepositoryLocationParser.Parse(repoUrl);
        if (location.Kind == LocationKind.PlainFolder)
        {
            return RevisionOrder.Unknown;
        }

        // A baseline that names no commit (the label of a CodePipeline artifact deployed before) is in no history.
        return !HistoryQueries.IsCommitSha(baselineSha)
            ? RevisionOrder.Diverged
            : await _mirrors.RunAsync(
                location,
                m => HistoryQueries.Order(Synced(m, location, credentials, cancellationToken, revisionSha, baselineSha), revisionSha, baselineSha),
                cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="edits"/> on <paramref name="branch"/> as one commit and pushes it; when the branch moved
    /// on meanwhile, the edits are applied again on its new head (bounded retries). Returns the commit sha that holds
    /// the edits: the branch head itself when it already did (nothing is committed then).
    /// </summary>
    public async Task<string> CommitAndPushAsync(
        string repoUrl,
        string branch,
        IReadOnlyList<FileEdit> edits,
        CommitIdentity author,
        string message,
        GitCredentials? credentials,
        CancellationToken cancellationToken)
    {
        var location = Repository(repoUrl);
        if (!Reference.IsValidName("refs/heads/" + branch))
        {
            throw new GitSourceException(GitFailure.InvalidRequest, $"'{branch}' is not a valid branch name");
        }

        foreach (var edit in edits)
        {
            TreeEdits.Validate(edit.Path);
        }

        return await _pusher.PushAsync(new PushRequest(location, branch, edits, author, message, credentials), cancellationToken);
    }

    private static string Resolve(Repository mirror, RepositoryLocation location, string revision, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        if (RevisionResolver.IsFullSha(revision) && Peeling.ToCommit(mirror.Lookup(revision)) is { } known)
        {
            return known.Sha;
        }

        var head = MirrorSync.Sync(mirror, location, new CredentialSession(credentials), cancellationToken);
        return RevisionResolver.Resolve(mirror, head, revision, location.DisplayUrl);
    }

    private static DefaultBranch? DefaultBranchOf(Repository mirror, RepositoryLocation location, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var head = MirrorSync.Sync(mirror, location, new CredentialSession(credentials), cancellationToken);
        return head.BranchName is { } name ? new DefaultBranch(name, RevisionResolver.Resolve(mirror, head, "HEAD", location.DisplayUrl)) : null;
    }

    private static Repository Synced(Repository mirror, RepositoryLocation location, GitCredentials? credentials, CancellationToken cancellationToken, params string[] shas)
    {
        if (!HistoryQueries.HasCommits(mirror, shas))
        {
            MirrorSync.Sync(mirror, location, new CredentialSession(credentials), cancellationToken);
        }

        return mirror;
    }

    private static RepositoryLocation Repository(string repoUrl)
    {
        var location = RepositoryLocationParser.Parse(repoUrl);
        return location.Kind != LocationKind.PlainFolder
            ? location
            : throw new GitSourceException(GitFailure.InvalidRequest, $"{location.DisplayUrl} is a plain folder, not a Git repository");
    }
}
