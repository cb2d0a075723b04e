using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using ServerlessDeploy.Aws.CodeCommit;
using ServerlessDeploy.Git;
using ServerlessDeploy.Pipeline.Config;

namespace ServerlessDeploy.Aws.Git;

/// <summary>
/// Git credentials in AWS: a GitHub https URL gets the token (read from SSM by the caller's delegate) as the
/// x-access-token password; a CodeCommit https URL gets credentials derived from the function's AWS credentials; any
/// other URL none (public repositories, file:// and local paths).
/// </summary>
public sealed class AwsGitCredentials : IGitCredentialSource
{
    private readonly Func<CancellationToken, Task<string>>? _gitHubToken;
    private readonly Lazy<Task<AWSCredentials>> _aws;
    private readonly TimeProvider _time;

    /// <param name="gitHubToken">Reads the GitHub token; null when none is configured.</param>
    /// <param name="credentials">AWS credentials for CodeCommit; null means AWSSDK.Core's default chain, resolved on first use.</param>
    public AwsGitCredentials(Func<CancellationToken, Task<string>>? gitHubToken, AWSCredentials? credentials = null, TimeProvider? time = null)
    {
        _gitHubToken = gitHubToken;
        _aws = new(() => credentials is null ? DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null) : Task.FromResult(credentials));
        _time = time ?? TimeProvider.System;
    }

    public async Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(repoUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (IsGitHub(url))
        {
            return _gitHubToken is null ? null : GitCredentials.FromToken(await _gitHubToken(cancellationToken).ConfigureAwait(false));
        }

        if (!CodeCommitCredentials.TryGetRegion(url, out _))
        {
            return null;
        }

        var aws = await (await _aws.Value.ConfigureAwait(false)).GetCredentialsAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException("the AWS credentials provider returned no credentials");
        return CodeCommitCredentials.For(url, aws, _time.GetUtcNow());
    }

    private static bool IsGitHub(Uri url) => url.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
        || url.Host.Equals("www.github.com", StringComparison.OrdinalIgnoreCase);
}
