using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ServerlessDeploy.Testing.Http;
using Xunit;

namespace ServerlessDeploy.Testing.Signing;

/// <summary>
/// Recomputes a header-signed SigV4 request's signature from what was received, written out from the AWS
/// "Create a signed AWS API request" steps and independent of any production signer: canonical request (method,
/// URI, sorted query, the signed headers lower-cased with trimmed values, the signed-header list, the payload hash),
/// string to sign, derived key, HMAC.
/// </summary>
public static partial class SigV4Verifier
{
    public sealed record Authorization(string AccessKey, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    public static Authorization Parse(RecordedRequest request)
    {
        var match = AuthorizationPattern().Match(request.Header("Authorization"));
        Assert.True(match.Success, "the Authorization header is not AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…");
        var scope = match.Groups["credential"].Value.Split('/');
        Assert.Equal(5, scope.Length);
        Assert.Equal("aws4_request", scope[4]);
        return new Authorization(scope[0], scope[1], scope[2], scope[3], match.Groups["headers"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>The signature the request should carry if it was signed with <paramref name="secretKey"/>.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var authorization = Parse(request);
        var canonicalHeaders = string.Concat(authorization.SignedHeaders.Select(h => h + ":" + Collapse(request.Header(h)) + "\n"));
        var canonicalRequest =
            request.Method + "\n" +
            request.Path + "\n" +
            CanonicalQuery(request.Query) + "\n" +
            canonicalHeaders + "\n" +
            string.Join(";", authorization.SignedHeaders) + "\n" +
            Convert.ToHexStringLower(SHA256.HashData(request.Body));
        var amzDate = request.Header("X-Amz-Date");
        Assert.Equal(authorization.Date, amzDate[..8]);
        Assert.True(DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        var scope = $"{authorization.Date}/{authorization.Region}/{authorization.Service}/aws4_request";
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" +
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), authorization.Date);
        key = Hmac(key, authorization.Region);
        key = Hmac(key, authorization.Service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    public static void AssertVerifies(RecordedRequest request, string secretKey) =>
        Assert.Equal(ExpectedSignature(request, secretKey), Parse(request).Signature);

    private static string CanonicalQuery(string query) =>
        string.Join("&", query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => Uri.EscapeDataString(Uri.UnescapeDataString(p[0])) + "=" + Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")))
            .Order(StringComparer.Ordinal));

    private static string Collapse(string value) => Whitespace().Replace(value.Trim(), " ");

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), ?SignedHeaders=(?<headers>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
