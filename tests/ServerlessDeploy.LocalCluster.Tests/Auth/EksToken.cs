using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ServerlessDeploy.LocalCluster.Tests.Auth;

/// <summary>
/// Builds EKS bearer tokens as aws-iam-authenticator and "aws eks get-token" do: "k8s-aws-v1." and the base64url
/// (no padding) of a presigned STS GetCallerIdentity URL. The signature is a placeholder: only STS could check it.
/// </summary>
internal static class EksToken
{
    public const string Region = "eu-west-1";

    /// <summary>A token signed at <paramref name="signedAt"/>; each override replaces a query parameter, or removes it when null.</summary>
    public static string Create(DateTimeOffset signedAt, IReadOnlyDictionary<string, string?>? overrides = null, string host = $"sts.{Region}.amazonaws.com", string scheme = "https")
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Action"] = "GetCallerIdentity",
            ["Version"] = "2011-06-15",
            ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
            ["X-Amz-Credential"] = $"AKIAIOSFODNN7EXAMPLE/{signedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{Region}/sts/aws4_request",
            ["X-Amz-Date"] = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["X-Amz-Expires"] = "60",
            ["X-Amz-SignedHeaders"] = "host;x-k8s-aws-id",
            ["X-Amz-Signature"] = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            query[key] = value;
        }

        var pairs = query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        return Encode($"{scheme}://{host}/?{string.Join('&', pairs)}");
    }

    public static string Encode(string url) => "k8s-aws-v1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(url));
}
