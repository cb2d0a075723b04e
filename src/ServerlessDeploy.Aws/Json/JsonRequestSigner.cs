using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using ServerlessDeploy.Aws.Eks;

namespace ServerlessDeploy.Aws.Json;

/// <summary>
/// Signs a JSON-protocol or REST-JSON request with SigV4 in the Authorization header. The canonical request is built here (the
/// headers this client sends are known); key derivation and the HMAC are AWSSDK.Core's
/// <see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>, whose
/// request-based entry points need an SDK client's IRequest and IClientConfig.
/// </summary>
internal static class JsonRequestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, string region, string signingName, ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("the request has no URI");
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Add("X-Amz-Date", amzDate);
        if (credentials.UseToken)
        {
            request.Headers.Add("X-Amz-Security-Token", credentials.Token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.Authority };
        foreach (var (name, values) in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            if (IsSigned(name))
            {
                headers[name.ToLowerInvariant()] = string.Join(',', values.Select(v => v.Trim()));
            }
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.Method,
            CanonicalPath(uri),
            CanonicalQuery(uri),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(body)));
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt.UtcDateTime, signingName, signedHeaders, canonicalRequest);
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>Outside S3, SigV4 encodes each segment of the already-encoded path once more ("a%20b" is signed as "a%2520b").</summary>
    internal static string CanonicalPath(Uri uri) =>
        string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The query's parameters decoded, then encoded the SigV4 way and sorted; empty without a query.</summary>
    internal static string CanonicalQuery(Uri uri) =>
        SigV4QueryPresigner.CanonicalQuery(uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))));

    private static bool IsSigned(string name) =>
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase);
}
