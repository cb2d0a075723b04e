using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using ServerlessDeploy.Aws.CodeCommit;
using ServerlessDeploy.Git;

namespace ServerlessDeploy.Aws.Git;

/// <summary>
/// Git credentials in AWS: an https URL on github.com or on a configured GitHub Enterprise host gets the token (read
/// from SSM by the caller's delegate) as the x-access-token password; a CodeCommit https URL gets credentials derived
/// from the function's AWS credentials; any other URL none (public repositories, file:// and local paths), so the
/// token never leaves for a host nobody named.
/// </summary>
public sealed class AwsGitCredentials : IGitCredentialSource
{
    private readonly Func<CancellationToken, Task<string>>? _gitHubToken;
    private readonly HashSet<string> _gitHubHosts;
    private readonly Lazy<Task<AWSCredentials>> _aws;
    private readonly TimeProvider _time;

    /// <param name="gitHubToken">Reads the GitHub token; null when none is configured.</param>
    /// <param name="credentials">AWS credentials for CodeCommit; null means AWSSDK.Core's default chain, resolved on first use.</param>
    /// <param name="gitHubEnterpriseHosts">Host names of GitHub Enterprise servers that get the token as github.com does (exact names, no subdomains).</param>
    public AwsGitCredentials(
        Func<CancellationToken, Task<string>>? gitHubToken,
        AWSCredentials? credentials = null,
        TimeProvider? time = null,
        IEnumerable<string>? gitHubEnterpriseHosts = null)
    {
        _gitHubToken = gitHubToken;
        _gitHubHosts = new HashSet<string>(["github.com", "www.github.com", .. gitHubEnterpriseHosts ?? []], StringComparer.OrdinalIgnoreCase);
        _aws = new(() => credentials is null ? DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null) : Task.FromResult(credentials));
        _time = time ?? TimeProvider.System;
    }

    public async Task<GitCredentials?> ForAsync(string repoUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(repoUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (_gitHubHosts.Contains(url.Host))
        {
            return _gitHubToken is null ? null : GitCredentials.FromToken(await _gitHubToken(cancellationToken));
        }

        if (!CodeCommitCredentials.TryGetRegion(url, out _))
        {
            return null;
        }

        var aws = await (await _aws.Value).GetCredentialsAsync()
            ?? throw new InvalidOperationException("the AWS credentials provider returned no credentials");
        return CodeCommitCredentials.For(url, aws, _time.GetUtcNow());
    }
}
