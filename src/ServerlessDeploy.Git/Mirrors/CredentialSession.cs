using LibGit2Sharp;
using LibGit2Sharp.Handlers;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>
/// Hands the credentials to libgit2 once per operation. When the server asks again, they were refused: the session
/// records it and stops libgit2 from replaying them (it would otherwise try 15 times).
/// </summary>
internal sealed class CredentialSession(GitCredentials? credentials)
{
    private int requests;

    public GitCredentials? Credentials => credentials;

    /// <summary>True when the server asked for credentials a second time, or asked and none were given.</summary>
    public bool Refused { get; private set; }

    public CredentialsHandler Handler => Provide;

    private UsernamePasswordCredentials Provide(string url, string usernameFromUrl, SupportedCredentialTypes types)
    {
        if (credentials is null || ++requests > 1)
        {
            Refused = true;
            throw new InvalidOperationException("authentication failed");
        }

        return new UsernamePasswordCredentials { Username = credentials.Username, Password = credentials.Password };
    }
}
