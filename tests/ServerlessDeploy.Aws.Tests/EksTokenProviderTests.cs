using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using k8s;
using k8s.Autorest;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.LocalCluster.Auth;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.Aws.Tests;

public sealed class EksTokenProviderTests
{
    // The example keys of the AWS documentation.
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly EksClusterOptions Cluster = new("prod-cluster", "eu-west-1");

    [Fact]
    public async Task Token_passes_the_checks_aws_iam_authenticator_makes()
    {
        using var provider = new EksTokenProvider(Cluster, new BasicAWSCredentials(AccessKey, SecretKey), new FakeTimeProvider(SignedAt));
        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.StartsWith("k8s-aws-v1.", token, StringComparison.Ordinal);
        Assert.DoesNotContain("=", token, StringComparison.Ordinal);
        Assert.DoesNotContain("+", token, StringComparison.Ordinal);
        Assert.DoesNotContain("/", token, StringComparison.Ordinal);
        Assert.Null(EksTokenFormat.Problem(token, SignedAt));
        Assert.Null(EksTokenFormat.Problem(token, SignedAt.AddMinutes(14)));
        Assert.StartsWith("X-Amz-Date parameter is expired", EksTokenFormat.Problem(token, SignedAt.AddMinutes(15).AddSeconds(1)), StringComparison.Ordinal);

        var url = Decode(token);
        Assert.Equal("https", url.Scheme);
        Assert.Equal("sts.eu-west-1.amazonaws.com", url.Host);
        Assert.Equal("/", url.AbsolutePath);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("GetCallerIdentity", query["Action"]);
        Assert.Equal("2011-06-15", query["Version"]);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Equal($"{AccessKey}/20261123/eu-west-1/sts/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("20261123T120000Z", query["X-Amz-Date"]);
        Assert.Equal("900", query["X-Amz-Expires"]);
        Assert.Equal("host;x-k8s-aws-id", query["X-Amz-SignedHeaders"]);
        Assert.False(query.ContainsKey("X-Amz-Security-Token"));
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"].ToString());
    }

    [Fact]
    public async Task Session_token_is_carried_in_the_url()
    {
        using var provider = new EksTokenProvider(Cluster, new SessionAWSCredentials(AccessKey, SecretKey, "session/token+with=odd chars"), new FakeTimeProvider(SignedAt));
        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Null(EksTokenFormat.Problem(token, SignedAt));
        var query = QueryHelpers.ParseQuery(Decode(token).Query);
        Assert.Equal("session/token+with=odd chars", query["X-Amz-Security-Token"]);
        Assert.Equal(ExpectedSignature(Decode(token), "prod-cluster"), query["X-Amz-Signature"]);
    }

    [Fact]
    public async Task Signature_matches_one_computed_from_the_sigv4_specification()
    {
        using var provider = new EksTokenProvider(Cluster, new BasicAWSCredentials(AccessKey, SecretKey), new FakeTimeProvider(SignedAt));
        var url = Decode(await provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(ExpectedSignature(url, "prod-cluster"), QueryHelpers.ParseQuery(url.Query)["X-Amz-Signature"]);
        // The same URL signed for another cluster would not carry this signature: the header is signed in.
        Assert.NotEqual(ExpectedSignature(url, "other-cluster"), QueryHelpers.ParseQuery(url.Query)["X-Amz-Signature"].ToString());
    }

    [Fact]
    public void Signing_key_derivation_of_this_test_matches_the_aws_documentation_vector()
    {
        // "Examples of how to derive a signing key for Signature Version 4" in the AWS documentation.
        var key = SigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexStringLower(key));
    }

    [Fact]
    public async Task Token_is_reused_before_14_minutes_and_presigned_again_after()
    {
        var clock = new FakeTimeProvider(SignedAt);
        using var provider = new EksTokenProvider(Cluster, new BasicAWSCredentials(AccessKey, SecretKey), clock);
        var first = await provider.GetTokenAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(59));
        Assert.Same(first, await provider.GetTokenAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await provider.GetTokenAsync(CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.Equal("20261123T121400Z", QueryHelpers.ParseQuery(Decode(second).Query)["X-Amz-Date"]);
        Assert.Null(EksTokenFormat.Problem(second, clock.GetUtcNow().AddMinutes(14)));
    }

    [Fact]
    public void Nothing_secret_is_in_ToString()
    {
        using var provider = new EksTokenProvider(Cluster, new SessionAWSCredentials(AccessKey, SecretKey, "SESSIONTOKEN"), new FakeTimeProvider(SignedAt));
        var text = provider.ToString();
        Assert.Contains("prod-cluster", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SESSIONTOKEN", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "eu-west-1")]
    [InlineData("c", "EU_WEST")]
    public void Bad_configuration_is_refused_with_a_clear_error(string cluster, string region) =>
        Assert.Throws<ArgumentException>(() => new EksTokenProvider(new EksClusterOptions(cluster, region), new BasicAWSCredentials(AccessKey, SecretKey)));

    [Fact]
    public async Task Kubernetes_client_lists_namespaces_with_the_token_and_a_stale_token_is_refused()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalClusterOptions(AcceptEksTokens: true));

        using var provider = new EksTokenProvider(Cluster, new BasicAWSCredentials(AccessKey, SecretKey));
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Url.ToString(), TokenProvider = provider });
        var namespaces = await client.CoreV1.ListNamespaceAsync();
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");

        var twentyMinutesAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
        using var stale = new EksTokenProvider(Cluster, new BasicAWSCredentials(AccessKey, SecretKey), twentyMinutesAgo);
        using var staleClient = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Url.ToString(), TokenProvider = stale });
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => staleClient.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Response.StatusCode);

        using var anonymous = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Url.ToString() });
        var anonymousRefused = await Assert.ThrowsAsync<HttpOperationException>(() => anonymous.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRefused.Response.StatusCode);
    }

    private static Uri Decode(string token)
    {
        var encoded = token["k8s-aws-v1.".Length..].Replace('-', '+').Replace('_', '/');
        encoded += new string('=', (4 - (encoded.Length % 4)) % 4);
        return new Uri(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
    }

    /// <summary>
    /// SigV4 written out from the AWS specification, independently of the presigner: canonical request (method, path,
    /// sorted RFC 3986-encoded query without the signature, canonical headers, signed headers, hash of the empty payload),
    /// string to sign, derived key, HMAC.
    /// </summary>
    private static string ExpectedSignature(Uri url, string clusterName)
    {
        var query = QueryHelpers.ParseQuery(url.Query);
        var canonicalQuery = string.Join("&", query
            .Where(p => p.Key != "X-Amz-Signature")
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString()))
            .Order(StringComparer.Ordinal));
        var canonicalRequest =
            "GET\n" +
            "/\n" +
            canonicalQuery + "\n" +
            "host:" + url.Host + "\n" +
            "x-k8s-aws-id:" + clusterName + "\n" +
            "\n" +
            "host;x-k8s-aws-id\n" +
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        var amzDate = query["X-Amz-Date"].ToString();
        var credential = query["X-Amz-Credential"].ToString().Split('/');
        var scope = string.Join("/", credential[1..]);
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" +
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = SigningKey(SecretKey, credential[1], credential[2], credential[3]);
        Assert.Equal(amzDate[..8], credential[1]);
        Assert.True(DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
    }
}
