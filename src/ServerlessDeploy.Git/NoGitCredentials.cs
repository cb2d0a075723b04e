namespace ServerlessDeploy.Git;

/// <summary>No credentials: local paths, file:// URLs and public repositories.</summary>
public sealed class NoGitCredentials : IGitCredentialSource
{
    public Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken) => Task.FromResult<GitCredentials?>(null);
}
