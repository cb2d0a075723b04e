using System.Security.Cryptography;
using System.Text;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>GitHub's <c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the body.</summary>
internal static class WebhookSignature
{
    private const string Prefix = "sha256=";

    public static string Sign(byte[] body, byte[] secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <summary>True when <paramref name="header"/> is the HMAC of the body, compared in constant time.</summary>
    public static bool Verify(string? header, byte[] body, byte[] secret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(body, secret));
        var given = Encoding.ASCII.GetBytes(header.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
