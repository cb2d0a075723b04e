using LibGit2Sharp;
using LibGit2Sharp.Handlers;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>
/// Hands the credentials to libgit2, once per network operation (listing references, fetching, pushing). When the
/// server asks again within one operation they were refused: the session records it and stops libgit2 from replaying
/// them (it would otherwise try 15 times).
/// </summary>
internal sealed class CredentialSession(GitCredentials? credentials)
{
    public GitCredentials? Credentials => credentials;

    /// <summary>True when the server asked for credentials a second time in one operation, or asked and none were given.</summary>
    public bool Refused { get; private set; }

    /// <summary>A credentials callback for one operation.</summary>
    public CredentialsHandler ForOperation()
    {
        var requests = 0;
        return (_, _, _) =>
        {
            if (credentials is null || ++requests > 1)
            {
                Refused = true;
                throw new InvalidOperationException("authentication failed");
            }

            return new UsernamePasswordCredentials { Username = credentials.Username, Password = credentials.Password };
        };
    }
}
