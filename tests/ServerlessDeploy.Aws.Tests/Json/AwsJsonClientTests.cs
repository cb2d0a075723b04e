using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Json;

public sealed class AwsJsonClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 30, 15, TimeSpan.Zero);
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_carries_the_target_content_type_and_body_and_a_signature_that_verifies()
    {
        _server.Answer(200, """{"Answer":42}""");
        var answer = await Client(time: new FakeTimeProvider(Now)).CallAsync("AWSEvents.PutEvents", new JsonObject { ["Entries"] = new JsonArray("a") }, CancellationToken.None);

        Assert.Equal(42, answer["Answer"]!.GetValue<int>());
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("AWSEvents.PutEvents", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Entries"] = new JsonArray("a") }, request.Json));
        Assert.Equal("20261123T123015Z", request.Header("X-Amz-Date"));

        var authorization = SigV4Verifier.Parse(request);
        Assert.Equal((TestCredentials.AccessKey, "20261123", "eu-west-1", "events"),
            (authorization.AccessKey, authorization.Date, authorization.Region, authorization.Service));
        Assert.Equal(["content-type", "host", "x-amz-date", "x-amz-target"], authorization.SignedHeaders);
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
    }

    [Fact]
    public async Task A_rest_json_call_sends_its_method_path_query_and_body_and_a_signature_that_verifies()
    {
        _server.Answer(200, """{"Arn":"a"}""", contentType: "application/json").Answer(200, "", contentType: "application/json");
        var client = Client(time: new FakeTimeProvider(Now));

        var answer = await client.CallRestAsync(new AwsRestRequest("CreateThing", HttpMethod.Put, "/things/one",
            [KeyValuePair.Create("z", "last"), KeyValuePair.Create("group Name", "a b/c+d=é")], new JsonObject { ["Size"] = 3 }), CancellationToken.None);
        var empty = await client.CallRestAsync(new AwsRestRequest("DeleteThing", HttpMethod.Delete, "/things/one"), CancellationToken.None);

        Assert.Equal("a", answer["Arn"]!.GetValue<string>());
        Assert.Empty(empty.AsObject());
        var (put, delete) = (_server.Requests[0], _server.Requests[1]);
        Assert.Equal(("PUT", "/things/one"), (put.Method, put.Path));
        Assert.Equal("?z=last&group%20Name=a%20b%2Fc%2Bd%3D%C3%A9", put.Query);
        Assert.Equal("application/json", put.Header("Content-Type"));
        Assert.Equal("""{"Size":3}""", put.BodyText);
        Assert.False(put.Headers.ContainsKey("X-Amz-Target"));
        Assert.Equal(("DELETE", "/things/one", ""), (delete.Method, delete.Path, delete.Query));
        Assert.False(delete.Headers.ContainsKey("Content-Type"));
        Assert.Empty(delete.Body);
        Assert.All(_server.Requests, r => SigV4Verifier.AssertVerifies(r, TestCredentials.SecretKey));
        Assert.Equal(["host", "x-amz-date"], SigV4Verifier.Parse(delete).SignedHeaders);
    }

    [Theory]
    [InlineData("https://scheduler.eu-west-1.amazonaws.com/schedules/wake-1", "/schedules/wake-1")]
    [InlineData("https://example.test/things/a%20b", "/things/a%2520b")]
    [InlineData("https://example.test", "/")]
    public void Paths_are_signed_encoded_twice_as_outside_s3(string url, string canonical) =>
        Assert.Equal(canonical, JsonRequestSigner.CanonicalPath(new Uri(url)));

    [Fact]
    public async Task A_rest_error_names_the_operation_and_takes_the_code_from_the_header()
    {
        _server.Answer(400, """{"Message":"bad thing"}""", new Dictionary<string, string> { ["X-Amzn-ErrorType"] = "ValidationException:http://internal.amazon.com/coral/" }, "application/json");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Client().CallRestAsync(new AwsRestRequest("CreateThing", HttpMethod.Post, "/things/one"), CancellationToken.None));

        Assert.Equal(("CreateThing", "ValidationException"), (error.Operation, error.ErrorCode));
        Assert.EndsWith("bad thing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("things/one")]
    [InlineData("/things/one?x=1")]
    public async Task A_rest_path_without_its_slash_or_with_a_query_is_refused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CallRestAsync(new AwsRestRequest("X", HttpMethod.Get, path), CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        _server.Answer(200, "{}");
        await Client(credentials: new SessionAWSCredentials(TestCredentials.AccessKey, TestCredentials.SecretKey, "SESSION/token+="))
            .CallAsync("AWSEvents.PutEvents", new JsonObject(), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("SESSION/token+=", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4Verifier.Parse(request).SignedHeaders);
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
    }

    [Fact]
    public async Task The_verifier_refuses_a_request_whose_body_or_target_was_changed()
    {
        _server.Answer(200, "{}");
        await Client().CallAsync("AWSEvents.PutEvents", new JsonObject { ["a"] = 1 }, CancellationToken.None);
        var request = Assert.Single(_server.Requests);

        var otherBody = request with { Body = "{\"a\":2}"u8.ToArray() };
        Assert.NotEqual(SigV4Verifier.Parse(request).Signature, SigV4Verifier.ExpectedSignature(otherBody, TestCredentials.SecretKey));
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["X-Amz-Target"] = "AWSEvents.DeleteRule" };
        Assert.NotEqual(SigV4Verifier.Parse(request).Signature, SigV4Verifier.ExpectedSignature(request with { Headers = headers }, TestCredentials.SecretKey));
        Assert.NotEqual(SigV4Verifier.Parse(request).Signature, SigV4Verifier.ExpectedSignature(request, "another-secret"));
    }

    [Fact]
    public async Task An_aws_error_becomes_one_exception_naming_service_operation_code_and_message_and_is_not_retried()
    {
        _server.Answer(400, """{"__type":"com.amazonaws.events#ResourceNotFoundException","message":"Event bus prod does not exist."}""",
            new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Client().CallAsync("AWSEvents.PutEvents", new JsonObject(), CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(("EventBridge", "PutEvents", HttpStatusCode.BadRequest, "req-1"), (error.Service, error.Operation, error.StatusCode, error.RequestId));
        Assert.Equal("EventBridge PutEvents failed with ResourceNotFoundException (HTTP 400): Event bus prod does not exist.", error.Message);
        Assert.DoesNotContain(TestCredentials.SecretKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("""{"__type":"AccessDeniedException","Message":"not allowed"}""", null, "AccessDeniedException", "not allowed")]
    [InlineData("""{"message":"bad"}""", "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ValidationException", "bad")]
    [InlineData("not json", null, "HTTP403", "no message")]
    public async Task Error_codes_are_read_from_the_body_or_the_header(string body, string? header, string code, string message)
    {
        _server.Answer(403, body, header is null ? null : new Dictionary<string, string> { ["X-Amzn-ErrorType"] = header });
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().CallAsync("CodePipeline_20150709.PutJobSuccessResult", new JsonObject(), CancellationToken.None));
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("PutJobSuccessResult", error.Operation);
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_then_the_answer_is_returned()
    {
        _server.Answer(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Answer(503, "")
            .Answer(200, """{"done":true}""");

        var answer = await Client().CallAsync("AWSEvents.PutEvents", new JsonObject { ["n"] = 1 }, CancellationToken.None);

        Assert.True(answer["done"]!.GetValue<bool>());
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("""{"n":1}""", r.BodyText));
        Assert.All(_server.Requests, r => SigV4Verifier.AssertVerifies(r, TestCredentials.SecretKey));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Answer(500, """{"__type":"InternalException","message":"oops"}""");
        }

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(maxRetries: 2).CallAsync("AWSEvents.PutEvents", new JsonObject(), CancellationToken.None));
        Assert.Equal("InternalException", error.ErrorCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task No_retries_sends_once()
    {
        _server.Answer(429, """{"__type":"TooManyRequestsException"}""");
        await Assert.ThrowsAsync<AwsServiceException>(() => Client(maxRetries: 0).CallAsync("AWSEvents.PutEvents", new JsonObject(), CancellationToken.None));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void Endpoint_is_explicit_then_the_service_variable_then_the_general_variable_then_the_regional_default()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL"] = "http://localhost:9999",
        };
        var options = new AwsJsonClientOptions(AwsJsonService.EventBridge, "eu-west-1");

        Assert.Equal(new Uri("http://example.test/"), (options with { Endpoint = new Uri("http://example.test/") }).ResolveEndpoint(environment.GetValueOrDefault));
        Assert.Equal(new Uri("http://localhost:4566"), options.ResolveEndpoint(environment.GetValueOrDefault));
        Assert.Equal(new Uri("http://localhost:9999"), (options with { Service = AwsJsonService.Ecr }).ResolveEndpoint(environment.GetValueOrDefault));
        Assert.Equal(new Uri("https://events.eu-west-1.amazonaws.com/"), options.ResolveEndpoint(_ => null));
        Assert.Equal(new Uri("https://api.ecr.cn-north-1.amazonaws.com.cn/"), new AwsJsonClientOptions(AwsJsonService.Ecr, "cn-north-1").ResolveEndpoint(_ => null));
        Assert.Equal("AWS_ENDPOINT_URL_CODEPIPELINE", AwsJsonService.CodePipeline.EndpointVariable);
        Assert.Throws<ArgumentException>(() => options.ResolveEndpoint(_ => "not a url"));
    }

    [Fact]
    public async Task The_endpoint_variable_is_where_requests_go()
    {
        _server.Answer(200, "{}");
        var client = new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.EventBridge, TestCredentials.Region), _server.Http, TestCredentials.Basic,
            variable: name => name == "AWS_ENDPOINT_URL_EVENTBRIDGE" ? _server.Url.ToString() : null);
        await client.CallAsync("AWSEvents.PutEvents", new JsonObject(), CancellationToken.None);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("EU-WEST-1", 3)]
    [InlineData("eu-west-1", -1)]
    public void Bad_options_are_refused(string region, int maxRetries) =>
        Assert.ThrowsAny<ArgumentException>(() => new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.EventBridge, region, MaxRetries: maxRetries), _server.Http, TestCredentials.Basic));

    // The retry backoff runs on the given clock too, so only tests without retries fix the time.
    private AwsJsonClient Client(int maxRetries = 3, AWSCredentials? credentials = null, TimeProvider? time = null) =>
        new(new AwsJsonClientOptions(AwsJsonService.EventBridge, TestCredentials.Region, _server.Url, maxRetries, TimeSpan.FromMilliseconds(1)),
            _server.Http, credentials ?? TestCredentials.Basic, time);
}
