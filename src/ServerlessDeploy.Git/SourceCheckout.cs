namespace ServerlessDeploy.Git;

/// <summary>
/// A source ready to render: the folder holding the files of one commit, and that commit's sha.
/// For a plain local folder (not a Git repository) <paramref name="Root"/> is the folder itself and
/// <paramref name="Revision"/> is empty: the target revision was not used.
/// </summary>
/// <param name="Root">The folder to render from. For a commit it is shared and must be treated as read-only.</param>
/// <param name="Revision">The full commit sha, or empty for a plain folder.</param>
/// <param name="RepoUrl">The repository as the Application names it, without any credentials.</param>
public sealed record SourceCheckout(string Root, string Revision, string RepoUrl)
{
    /// <summary>True when the folder is a commit of a Git repository, false when it is a plain folder read as it is.</summary>
    public bool IsCommit => Revision.Length > 0;
}
