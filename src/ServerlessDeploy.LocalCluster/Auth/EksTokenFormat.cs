using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.LocalCluster.Auth;

/// <summary>
/// The checks aws-iam-authenticator makes on an EKS bearer token before it calls STS: "k8s-aws-v1." then base64url
/// (no padding) of a presigned STS GetCallerIdentity URL whose signed headers include x-k8s-aws-id, at most 15 minutes old.
/// The signature itself can only be checked by STS.
/// </summary>
public static partial class EksTokenFormat
{
    public const string Prefix = "k8s-aws-v1.";

    private static readonly HashSet<string> AllowedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "action", "version", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-expires",
        "x-amz-security-token", "x-amz-signature", "x-amz-signedheaders",
    };

    /// <summary>Returns why the token is not acceptable, or null when it is.</summary>
    public static string? Problem(string token, DateTimeOffset now)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "token is missing expected \"k8s-aws-v1.\" prefix";
        }

        if (!TryDecode(token[Prefix.Length..], out var url))
        {
            return "input token was not properly formatted: illegal base64 data";
        }

        if (url.Scheme != "https" || !StsHost().IsMatch(url.Host) || url.AbsolutePath != "/")
        {
            return $"input token was not properly formatted: unexpected hostname or path in pre-signed URL: {url.Host}{url.AbsolutePath}";
        }

        // A QueryCollection answers a missing parameter with an empty value (the parsed dictionary would throw).
        var query = new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query));
        if (query.Keys.FirstOrDefault(k => !AllowedParameters.Contains(k)) is { } unknown)
        {
            return $"input token was not properly formatted: non-whitelisted query parameter \"{unknown}\"";
        }

        if (query["Action"] != "GetCallerIdentity")
        {
            return "input token was not properly formatted: unexpected action parameter in pre-signed URL";
        }

        if (!query["X-Amz-SignedHeaders"].ToString().Split(';').Contains("x-k8s-aws-id"))
        {
            return "input token was not properly formatted: client did not sign the x-k8s-aws-id header in the pre-signed URL";
        }

        if (query["X-Amz-Signature"].ToString().Length == 0)
        {
            return "input token was not properly formatted: missing signature";
        }

        return Expiry(query["X-Amz-Date"].ToString(), query["X-Amz-Expires"].ToString(), now);
    }

    private static string? Expiry(string date, string expires, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signed))
        {
            return $"input token was not properly formatted: malformed X-Amz-Date \"{date}\"";
        }

        if (!int.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return "input token was not properly formatted: missing or malformed X-Amz-Expires";
        }

        var lifetime = TimeSpan.FromSeconds(Math.Min(seconds, 900));
        return now > signed + lifetime ? $"X-Amz-Date parameter is expired ({lifetime.TotalMinutes:0} minute expiration) {date}"
            : signed > now + TimeSpan.FromMinutes(5) ? $"X-Amz-Date parameter is in the future {date}"
            : null;
    }

    private static bool TryDecode(string encoded, [NotNullWhen(true)] out Uri? url)
    {
        var padded = encoded.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Uri.TryCreate(Encoding.UTF8.GetString(Convert.FromBase64String(padded)), UriKind.Absolute, out url);
        }
        catch (FormatException)
        {
            url = null;
            return false;
        }
    }

    [GeneratedRegex(@"^sts(\.[a-z1-9\-]+)?\.amazonaws\.com(\.cn)?$")]
    private static partial Regex StsHost();
}
