namespace ServerlessDeploy.Core.Applications;

/// <summary>Commits as people read them in messages and tables.</summary>
public static class Revisions
{
    /// <summary>The first 7 characters of a commit sha, as git and Argo CD abbreviate it.</summary>
    public static string Abbreviate(string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        return sha.Length > 7 ? sha[..7] : sha;
    }
}
