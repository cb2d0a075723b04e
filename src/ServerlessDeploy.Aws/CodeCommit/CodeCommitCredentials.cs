using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using ServerlessDeploy.Git;

namespace ServerlessDeploy.Aws.CodeCommit;

/// <summary>
/// HTTPS Git credentials for a CodeCommit repository derived from AWS credentials, as git-remote-codecommit and the AWS
/// CLI credential helper compute them: no IAM Git user is needed. The username is the access key id (with "%" and the
/// session token for temporary credentials); the password is the signing time, "Z", and a SigV4 signature of the
/// request line GIT &lt;path&gt; for the host under the service name "codecommit".
/// </summary>
internal static class CodeCommitCredentials
{
    private const string Service = "codecommit";
    private const string HostPrefix = "git-codecommit.";

    /// <summary>True for https://git-codecommit.&lt;region&gt;.amazonaws.com[.cn]/… URLs; gives the region in the host.</summary>
    public static bool TryGetRegion(Uri url, out string region)
    {
        ArgumentNullException.ThrowIfNull(url);
        region = "";
        var host = url.Host.ToLowerInvariant();
        if (url.Scheme != Uri.UriSchemeHttps || !host.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = host[HostPrefix.Length..];
        foreach (var suffix in new[] { ".amazonaws.com", ".amazonaws.com.cn" })
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal) && rest.Length > suffix.Length && !rest[..^suffix.Length].Contains('.', StringComparison.Ordinal))
            {
                region = rest[..^suffix.Length];
                return true;
            }
        }

        return false;
    }

    /// <summary>The credentials for <paramref name="url"/>, signed at <paramref name="signedAt"/> (CodeCommit accepts them for 15 minutes).</summary>
    public static GitCredentials For(Uri url, ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        if (!TryGetRegion(url, out var region))
        {
            throw new ArgumentException($"{url.Host} is not a CodeCommit Git host (git-codecommit.<region>.amazonaws.com)", nameof(url));
        }

        if (string.IsNullOrEmpty(credentials.AccessKey) || string.IsNullOrEmpty(credentials.SecretKey))
        {
            throw new InvalidOperationException("the AWS credentials have no access key or secret key");
        }

        var username = credentials.UseToken ? $"{credentials.AccessKey}%{credentials.Token}" : credentials.AccessKey;
        return new GitCredentials(username, Password(url.Host.ToLowerInvariant(), url.AbsolutePath, region, credentials.SecretKey, signedAt));
    }

    /// <summary>"&lt;yyyyMMddTHHmmss&gt;Z&lt;hex signature&gt;" over the canonical request "GIT\n&lt;path&gt;\n\nhost:&lt;host&gt;\n\nhost\n".</summary>
    internal static string Password(string host, string path, string region, string secretKey, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var date = timestamp[..8];
        var scope = $"{date}/{region}/{Service}/aws4_request";
        var canonicalRequest = $"GIT\n{path}\n\nhost:{host}\n\nhost\n";
        var stringToSign = $"AWS4-HMAC-SHA256\n{timestamp}Z\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, Service);
        key = Hmac(key, "aws4_request");
        return $"{timestamp}Z{Hex(Hmac(key, stringToSign))}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
