using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Revisions;

namespace ServerlessDeploy.Git.History;

/// <summary>Questions about commits already in a mirror: who made one, which paths changed between two, and how one stands to another.</summary>
internal static class HistoryQueries
{
    /// <summary>True when every sha names a commit in the mirror.</summary>
    public static bool HasCommits(Repository mirror, params string[] shas) => shas.All(sha => Commit(mirror, sha) is not null);

    /// <summary>Every path added, modified, deleted or renamed (both sides) from <paramref name="fromSha"/> to <paramref name="toSha"/>, sorted.</summary>
    public static IReadOnlyList<string> ChangedPaths(Repository mirror, string fromSha, string toSha, string displayUrl)
    {
        var from = Require(mirror, fromSha, displayUrl);
        var to = Require(mirror, toSha, displayUrl);
        using var changes = mirror.Diff.Compare<TreeChanges>(from.Tree, to.Tree);
        return [.. changes
            .SelectMany(change => new[] { change.Path, change.OldPath })
            .Where(path => !string.IsNullOrEmpty(path))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// True when <paramref name="ancestorSha"/> is <paramref name="descendantSha"/> or one of its ancestors. An ancestor
    /// the mirror does not hold cannot be one (a fetched commit brings all its ancestors), so it answers false.
    /// </summary>
    public static bool IsAncestor(Repository mirror, string ancestorSha, string descendantSha, string displayUrl)
    {
        var descendant = Require(mirror, descendantSha, displayUrl);
        var ancestor = Commit(mirror, ancestorSha);
        if (ancestor is null)
        {
            return false;
        }

        return ancestor.Id == descendant.Id || mirror.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Id == ancestor.Id;
    }

    /// <summary>
    /// How <paramref name="revisionSha"/> stands to <paramref name="baselineSha"/>. A baseline the mirror does not hold is
    /// in no history it holds (a fetched commit brings all its ancestors), so the two have diverged.
    /// </summary>
    public static RevisionOrder Order(Repository mirror, string revisionSha, string baselineSha)
    {
        if (Commit(mirror, revisionSha) is not { } revision)
        {
            return RevisionOrder.Missing;
        }

        if (Commit(mirror, baselineSha) is not { } baseline)
        {
            return RevisionOrder.Diverged;
        }

        if (revision.Id == baseline.Id)
        {
            return RevisionOrder.Same;
        }

        var mergeBase = mirror.ObjectDatabase.FindMergeBase(revision, baseline)?.Id;
        return mergeBase == baseline.Id ? RevisionOrder.Newer
            : mergeBase == revision.Id ? RevisionOrder.Older
            : RevisionOrder.Diverged;
    }

    /// <summary>The commit <paramref name="sha"/> with its author, message and author time.</summary>
    public static SourceRevision Describe(Repository mirror, string sha, string displayUrl)
    {
        var commit = Require(mirror, sha, displayUrl);
        return new SourceRevision(commit.Sha, new CommitIdentity(commit.Author.Name, commit.Author.Email), commit.Message.TrimEnd(), commit.Author.When);
    }

    private static Commit Require(Repository mirror, string sha, string displayUrl) =>
        Commit(mirror, sha) ?? throw new GitSourceException(GitFailure.RevisionNotFound, $"commit '{sha}' not found in {displayUrl}");

    /// <summary>Whether <paramref name="text"/> can name a commit: 4 to 40 hexadecimal digits.</summary>
    public static bool IsCommitSha(string text) => text.Length is >= 4 and <= 40 && text.All(char.IsAsciiHexDigit);

    private static Commit? Commit(Repository mirror, string sha)
    {
        if (!IsCommitSha(sha))
        {
            throw new GitSourceException(GitFailure.InvalidRequest, $"'{sha}' is not a commit sha");
        }

        try
        {
            return Peeling.ToCommit(mirror.Lookup(sha));
        }
        catch (AmbiguousSpecificationException)
        {
            throw new GitSourceException(GitFailure.RevisionNotFound, $"commit '{sha}' is ambiguous: more than one object starts with it; give more digits");
        }
    }
}
