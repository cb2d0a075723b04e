namespace ServerlessDeploy.Git;

/// <summary>Credentials for a repository URL: a GitHub token from SSM, CodeCommit credentials derived from SigV4, or none locally.</summary>
public interface IGitCredentialSource
{
    Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken);
}
