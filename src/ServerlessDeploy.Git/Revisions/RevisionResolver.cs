using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Mirrors;

namespace ServerlessDeploy.Git.Revisions;

/// <summary>
/// Resolves an Application's targetRevision in a synced mirror as Argo CD does: HEAD or empty → the remote's default
/// branch; a full ref name; a branch; a tag (annotated tags peeled to their commit); a full or abbreviated commit sha.
/// A branch wins over a tag of the same name.
/// </summary>
internal static class RevisionResolver
{
    /// <summary>True for a full (40 hexadecimal digits) commit sha.</summary>
    public static bool IsFullSha(string revision) => revision.Length == 40 && IsHex(revision);

    /// <summary>The commit sha <paramref name="revision"/> names; throws <see cref="GitSourceException"/> when nothing does.</summary>
    public static string Resolve(Repository mirror, RemoteHead head, string revision, string displayUrl)
    {
        var name = revision.Trim();
        var target = name is "" or "HEAD" ? DefaultBranchTarget(mirror, head) : NamedTarget(mirror, name);
        var commit = Peeling.ToCommit(target);
        if (commit is not null)
        {
            return commit.Sha;
        }

        var why = target is not null
            ? $"it names a {target.GetType().Name.ToLowerInvariant()}, not a commit"
            : name is "" or "HEAD" ? "the repository has no commits on its default branch" : "no branch, tag or commit by that name";
        throw new GitSourceException(GitFailure.RevisionNotFound, $"revision '{(name.Length == 0 ? "HEAD" : name)}' not found in {displayUrl}: {why}");
    }

    private static GitObject? DefaultBranchTarget(Repository mirror, RemoteHead head)
    {
        if (head.Branch is not null)
        {
            return Target(mirror.Refs[head.Branch]);
        }

        return head.DetachedSha is null ? null : mirror.Lookup(new ObjectId(head.DetachedSha));
    }

    private static GitObject? NamedTarget(Repository mirror, string name)
    {
        var reference = name.StartsWith("refs/", StringComparison.Ordinal)
            ? mirror.Refs[name]
            : mirror.Refs["refs/heads/" + name] ?? mirror.Refs["refs/tags/" + name];
        if (reference is not null)
        {
            return Target(reference);
        }

        return name.Length >= 4 && name.Length <= 40 && IsHex(name) ? LookupSha(mirror, name) : null;
    }

    private static GitObject? LookupSha(Repository mirror, string sha)
    {
        try
        {
            return mirror.Lookup(sha);
        }
        catch (AmbiguousSpecificationException)
        {
            throw new GitSourceException(GitFailure.RevisionNotFound, $"revision '{sha}' is ambiguous: more than one object starts with it; give more digits");
        }
    }

    private static GitObject? Target(Reference? reference) =>
        reference?.ResolveToDirectReference()?.Target;

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
