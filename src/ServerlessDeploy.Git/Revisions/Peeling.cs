using LibGit2Sharp;

namespace ServerlessDeploy.Git.Revisions;

/// <summary>Follows annotated tags (also tags of tags) to the commit they point at.</summary>
internal static class Peeling
{
    /// <summary>The commit <paramref name="target"/> is or points at; null for a tree, a blob or nothing.</summary>
    public static Commit? ToCommit(GitObject? target) => target switch
    {
        Commit commit => commit,
        TagAnnotation tag => ToCommit(tag.Target),
        _ => null,
    };
}
