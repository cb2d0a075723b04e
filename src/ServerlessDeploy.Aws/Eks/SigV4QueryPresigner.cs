using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace ServerlessDeploy.Aws.Eks;

/// <summary>Presigns a GET URL with AWS Signature Version 4 in the query string.</summary>
internal interface IQueryPresigner
{
    Uri Presign(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyDictionary<string, string> headers,
        string region, string service, ImmutableCredentials credentials, DateTimeOffset signedAt, TimeSpan expires);
}

/// <summary>
/// SigV4 query-string presigning per the AWS "Create a signed request" and "Authenticating requests: using query
/// parameters" documents. It stands in for AWSSDK.Core's Amazon.Runtime.Internal.Auth.AWS4PreSignedUrlSigner, whose
/// signing time is the SDK's own corrected clock and cannot be taken from an injected TimeProvider.
/// </summary>
internal sealed class SigV4QueryPresigner : IQueryPresigner
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public Uri Presign(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyDictionary<string, string> headers,
        string region, string service, ImmutableCredentials credentials, DateTimeOffset signedAt, TimeSpan expires)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";

        var allHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = endpoint.Authority };
        foreach (var (name, value) in headers)
        {
            allHeaders[name.ToLowerInvariant()] = value.Trim();
        }

        var signedHeaders = string.Join(';', allHeaders.Keys);
        var query = new List<KeyValuePair<string, string>>(parameters)
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", $"{credentials.AccessKey}/{scope}"),
            new("X-Amz-Date", amzDate),
            new("X-Amz-Expires", ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", signedHeaders),
        };
        if (credentials.UseToken)
        {
            query.Add(new("X-Amz-Security-Token", credentials.Token));
        }

        var canonicalQuery = CanonicalQuery(query);
        var canonicalRequest = string.Join('\n',
            "GET",
            endpoint.AbsolutePath,
            canonicalQuery,
            string.Concat(allHeaders.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            Hex(SHA256.HashData(Array.Empty<byte>())));
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        return new Uri($"{endpoint.GetLeftPart(UriPartial.Path)}?{canonicalQuery}&X-Amz-Signature={signature}");
    }

    /// <summary>Parameters sorted by encoded name, names and values URI-encoded the SigV4 way (RFC 3986 unreserved kept).</summary>
    internal static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query.Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    internal static string Encode(string value) => Uri.EscapeDataString(value);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
