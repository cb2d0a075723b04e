using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using ServerlessDeploy.Aws.Rendering;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Rendering;

/// <summary>The render cache in S3, against the recording server standing in for S3 (path-style, as with a VPC endpoint).</summary>
public sealed class S3RenderCacheTests : IAsyncLifetime
{
    private const string Bucket = "sdeploy-render-cache";
    private const string NoSuchKey = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>render-cache/x.json.gz</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>
        """;

    private readonly RenderCacheKey _key = new(new string('b', 64));
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_put_sends_the_gzipped_entry_to_the_keys_object_under_the_prefix()
    {
        using var s3 = S3();
        _server.Answer(200, "", new Dictionary<string, string> { ["ETag"] = "\"9b2cf535f27731c974343645a3985328\"" }, "application/xml");

        await new S3RenderCache(s3, Bucket, "render-cache").PutAsync(_key, [ConfigMap("a")], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/{Bucket}/render-cache/{_key.Value}.json.gz", request.Path);
        Assert.Equal("application/gzip", request.Header("Content-Type"));
        Assert.Equal(["a"], RenderCacheEntry.Decode(request.Body)?.Select(m => m.Name));
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
        Assert.Equal("s3", SigV4Verifier.Parse(request).Service);
    }

    [Fact]
    public async Task A_get_reads_the_entry_back()
    {
        using var s3 = S3();
        _server.Answer(200, RenderCacheEntry.Encode([ConfigMap("a"), ConfigMap("b")]), "application/gzip");

        var manifests = await new S3RenderCache(s3, Bucket, "render-cache/").GetAsync(_key, CancellationToken.None);

        Assert.Equal(["a", "b"], manifests?.Select(m => m.Name));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", $"/{Bucket}/render-cache/{_key.Value}.json.gz"), (request.Method, request.Path));
    }

    [Fact]
    public async Task A_key_s3_does_not_have_is_a_miss()
    {
        using var s3 = S3();
        _server.Answer(404, NoSuchKey, contentType: "application/xml");

        Assert.Null(await new S3RenderCache(s3, Bucket, "").GetAsync(_key, CancellationToken.None));
        Assert.Equal($"/{Bucket}/{_key.Value}.json.gz", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task An_object_that_is_not_an_entry_is_a_miss()
    {
        using var s3 = S3();
        _server.Answer(200, Encoding.UTF8.GetBytes("<html>not an entry</html>"), "text/html");

        Assert.Null(await new S3RenderCache(s3, Bucket, "render-cache/").GetAsync(_key, CancellationToken.None));
    }

    [Fact]
    public async Task A_refusal_other_than_not_found_is_thrown_for_the_caller_to_report()
    {
        using var s3 = S3();
        _server.Answer(403, """<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>""", contentType: "application/xml");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => new S3RenderCache(s3, Bucket, "render-cache/").GetAsync(_key, CancellationToken.None));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    private AmazonS3Client S3() => new(TestCredentials.Basic, new AmazonS3Config
    {
        ServiceURL = _server.Url.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = TestCredentials.Region,
        MaxErrorRetry = 0,
    });

    private static Manifest ConfigMap(string name) => new(new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
    });
}
