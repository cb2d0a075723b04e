using LibGit2Sharp;
using ServerlessDeploy.Git.Revisions;

namespace ServerlessDeploy.Git.History;

/// <summary>Questions about commits already in a mirror: which paths changed between two, and whether one is an ancestor of another.</summary>
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

    private static Commit Require(Repository mirror, string sha, string displayUrl) =>
        Commit(mirror, sha) ?? throw new GitSourceException(GitFailure.RevisionNotFound, $"commit '{sha}' not found in {displayUrl}");

    private static Commit? Commit(Repository mirror, string sha)
    {
        if (sha.Length is < 4 or > 40 || !sha.All(char.IsAsciiHexDigit))
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
