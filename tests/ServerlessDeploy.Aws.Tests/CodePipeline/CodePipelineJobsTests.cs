using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.CodePipeline;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.CodePipeline;

public sealed class CodePipelineJobsTests : IAsyncLifetime
{
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Success_is_a_signed_put_job_success_result_with_only_the_job_id()
    {
        _server.Answer(200, "");

        await Jobs().PutJobSuccessResultAsync("job-1", null, null, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("CodePipeline_20150709.PutJobSuccessResult", request.Header("X-Amz-Target"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"jobId":"job-1"}"""), request.Json), request.BodyText);
        Assert.Equal("codepipeline", SigV4Verifier.Parse(request).Service);
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
    }

    [Fact]
    public async Task Success_carries_the_continuation_token_and_output_variables_when_given()
    {
        _server.Answer(200, "");

        await Jobs().PutJobSuccessResultAsync("job-1", "token-1", new Dictionary<string, string> { ["revision"] = "abc" }, CancellationToken.None);

        var expected = JsonNode.Parse("""{"jobId":"job-1","continuationToken":"token-1","outputVariables":{"revision":"abc"}}""");
        Assert.True(JsonNode.DeepEquals(expected, Assert.Single(_server.Requests).Json));
    }

    [Fact]
    public async Task Failure_is_put_job_failure_result_of_type_job_failed_with_the_message()
    {
        _server.Answer(200, "");

        await Jobs().PutJobFailureResultAsync("job-2", "app-a: sync failed", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("CodePipeline_20150709.PutJobFailureResult", request.Header("X-Amz-Target"));
        var expected = JsonNode.Parse("""{"jobId":"job-2","failureDetails":{"type":"JobFailed","message":"app-a: sync failed"}}""");
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.BodyText);
    }

    [Fact]
    public async Task A_failure_message_longer_than_code_pipeline_accepts_is_cut_to_its_limit()
    {
        _server.Answer(200, "");

        await Jobs().PutJobFailureResultAsync("job-2", new string('x', 6000), CancellationToken.None);

        var message = Assert.Single(_server.Requests).Json["failureDetails"]!["message"]!.GetValue<string>();
        Assert.Equal(CodePipelineJobs.MaxFailureMessageLength, message.Length);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_job_result_names_the_operation_and_aws_error()
    {
        _server.Answer(400, """{"__type":"InvalidJobStateException","message":"The job is not in progress."}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Jobs().PutJobSuccessResultAsync("job-3", null, null, CancellationToken.None));

        Assert.Equal("PutJobSuccessResult", error.Operation);
        Assert.Equal("InvalidJobStateException", error.ErrorCode);
    }

    private CodePipelineJobs Jobs() => new(new AwsJsonClient(
        new AwsJsonClientOptions(AwsJsonService.CodePipeline, TestCredentials.Region, _server.Url, MaxRetries: 0), _server.Http, TestCredentials.Basic));
}
