using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;

namespace ServerlessDeploy.Aws.Eks;

/// <summary>
/// The bearer token EKS accepts (what "aws eks get-token" prints): "k8s-aws-v1." then base64url without padding of a
/// presigned STS GetCallerIdentity URL with the x-k8s-aws-id header (the cluster name) signed in. The token is cached
/// and presigned again once it is 14 minutes old (EKS refuses it after 15). It also serves as KubernetesClient's
/// <see cref="k8s.Authentication.ITokenProvider"/> (KubernetesClientConfiguration.TokenProvider).
/// The token and the credentials never appear in logs or in <see cref="ToString"/>.
/// </summary>
internal sealed class EksTokenProvider : k8s.Authentication.ITokenProvider, IDisposable
{
    public const string TokenPrefix = "k8s-aws-v1.";
    public const string ClusterIdHeader = "x-k8s-aws-id";

    /// <summary>A cached token is presigned again once it is this old.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(14);

    /// <summary>
    /// X-Amz-Expires of the presigned URL. aws-iam-authenticator and the AWS CLI send 60 and EKS still honours such a
    /// token for 15 minutes from X-Amz-Date, but a checker that reads X-Amz-Expires literally (as
    /// ServerlessDeploy.LocalCluster's EksTokenFormat does, capped at 15 minutes) would refuse a cached token after one
    /// minute. 900 s states the lifetime EKS really gives, so a token cached for 14 minutes is valid under either reading.
    /// </summary>
    public static readonly TimeSpan UrlExpires = TimeSpan.FromSeconds(900);

    private readonly EksClusterOptions _cluster;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly IQueryPresigner _presigner;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset SignedAt)? _cached;

    public EksTokenProvider(EksClusterOptions cluster, AWSCredentials credentials, TimeProvider? time = null, IQueryPresigner? presigner = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(credentials);
        cluster.Validate();
        _cluster = cluster;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
        _presigner = presigner ?? new SigV4QueryPresigner();
    }

    /// <summary>The cached token while it is younger than <see cref="RefreshAfter"/>, otherwise a freshly presigned one.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_cached is { } fresh && IsFresh(fresh.SignedAt, now))
        {
            return fresh.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            now = _time.GetUtcNow();
            if (_cached is { } again && IsFresh(again.SignedAt, now))
            {
                return again.Token;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var credentials = await _credentials.GetCredentialsAsync()
                ?? throw new InvalidOperationException("the AWS credentials provider returned no credentials");
            var token = CreateToken(credentials, now);
            _cached = (token, now);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>KubernetesClient's hook: "Authorization: Bearer &lt;token&gt;".</summary>
    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
        new("Bearer", await GetTokenAsync(cancellationToken));

    /// <summary>Presigns a token for the given signing time, uncached.</summary>
    internal string CreateToken(ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        if (string.IsNullOrEmpty(credentials.AccessKey) || string.IsNullOrEmpty(credentials.SecretKey))
        {
            throw new InvalidOperationException("the AWS credentials have no access key or secret key");
        }

        var url = _presigner.Presign(
            _cluster.StsEndpoint,
            [new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")],
            new Dictionary<string, string> { [ClusterIdHeader] = _cluster.ClusterName },
            _cluster.Region,
            "sts",
            credentials,
            signedAt,
            UrlExpires);
        return TokenPrefix + Base64Url(url.OriginalString);
    }

    private static bool IsFresh(DateTimeOffset signedAt, DateTimeOffset now) => now >= signedAt && now - signedAt < RefreshAfter;

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _gate.Dispose();

    public override string ToString() => $"EksTokenProvider(cluster {_cluster.ClusterName}, region {_cluster.Region})";
}
