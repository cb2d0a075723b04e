using ServerlessDeploy.Git;

namespace ServerlessDeploy.Pipeline.Config;

/// <summary>Credentials for a repository URL: a GitHub token from SSM, CodeCommit credentials derived from SigV4, or none locally.</summary>
public interface IGitCredentialSource
{
    Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken);
}

/// <summary>No credentials: local paths, file:// URLs and public repositories.</summary>
public sealed class NoGitCredentials : IGitCredentialSource
{
    public Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken) => Task.FromResult<GitCredentials?>(null);
}
