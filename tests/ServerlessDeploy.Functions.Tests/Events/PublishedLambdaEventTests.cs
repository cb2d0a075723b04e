using System.Text;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Functions.Tests.Events;

/// <summary>
/// The Lambda events AWS publishes, unchanged (events/published/, sources in its README): they read, and the functions
/// give each its clear answer — placeholders included.
/// </summary>
public sealed class PublishedLambdaEventTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string FailureTarget = "CodePipeline_20150709.PutJobFailureResult";

    [Fact]
    public void The_aws_lambda_dotnet_codepipeline_job_reads_with_credentials_that_carry_no_expiry()
    {
        var job = CodePipelineJobEvent.Parse(Published("codepipeline-job.aws-lambda-dotnet.json")).Job;

        Assert.Equal("c968ef10-6415-4127-80b1-42502218a8c7", job.Id);
        Assert.Equal("123456789012", job.AccountId);
        Assert.Equal("my-function", job.Data.ActionConfiguration.Configuration.FunctionName);
        Assert.Equal("user-parameter-string", job.Data.ActionConfiguration.Configuration.UserParameters);
        var input = Assert.Single(job.Data.InputArtifacts);
        Assert.Equal("ca2bdeadbeef7d1932acb4977e08c803295d9896", input.Revision);
        Assert.Equal(new CodePipelineS3Location("codepipeline-{region}-12345678901", "my-pipeline/input-artifact/jjmtQ59"), input.Location.S3Location);
        Assert.Null(Assert.Single(job.Data.OutputArtifacts).Revision);
        Assert.Equal(new CodePipelineArtifactCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "token"), job.Data.ArtifactCredentials);
        Assert.Null(job.Data.ContinuationToken);
    }

    [Fact]
    public void The_aws_docs_codepipeline_job_reads_with_its_continuation_token_and_without_its_encryption_key()
    {
        var job = CodePipelineJobEvent.Parse(Published("codepipeline-job.aws-docs.json")).Job;

        Assert.Equal("11111111-abcd-1111-abcd-111111abcdef", job.Id);
        Assert.Equal("input_parameter", job.Data.ActionConfiguration.Configuration.UserParameters);
        var input = Assert.Single(job.Data.InputArtifacts);
        Assert.Null(input.Revision);
        Assert.Equal(new CodePipelineS3Location("bucket_name", "filename"), input.Location.S3Location);
        Assert.Empty(job.Data.OutputArtifacts);
        Assert.Equal("access_key_ID", job.Data.ArtifactCredentials.AccessKeyId);
        Assert.Equal("token_ID", job.Data.ContinuationToken);
    }

    [Theory]
    [InlineData("codepipeline-job.aws-lambda-dotnet.json", "c968ef10-6415-4127-80b1-42502218a8c7", "application 'user-parameter-string' is not in the config repository")]
    [InlineData("codepipeline-job.aws-docs.json", "11111111-abcd-1111-abcd-111111abcdef", "UserParameters 'input_parameter' is neither JSON nor an app name")]
    public async Task The_codepipeline_function_fails_a_published_job_for_its_placeholder_parameters_not_for_its_shape(string sample, string jobId, string reason)
    {
        await using var run = await CodePipelineRun.StartAsync(cluster);
        run.Config.AddApp("a");
        run.Config.Commit("one app");
        run.Aws.Answer(200, "");

        await run.Function.InvokeAsync(Encoding.UTF8.GetString(Published(sample)));

        var result = Assert.Single(run.Aws.Requests);
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Equal(jobId, result.Json["jobId"]!.GetValue<string>());
        var message = result.Json["failureDetails"]!["message"]!.GetValue<string>();
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed", message, StringComparison.Ordinal);
        var (_, log) = await run.Function.StopAsync();
        Assert.DoesNotContain("wJalrXUtnFEMI", log, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_key", log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aws_lambda_dotnet_test_tool_sqs_event_reads_as_one_standard_queue_record()
    {
        var batch = SqsEvent.Parse(Published("sqs.aws-lambda-dotnet.json"));

        Assert.False(batch.IsFromFifoQueue);
        var record = Assert.Single(batch.Records);
        Assert.Equal("19dd0b57-b21e-4ac1-bd88-01bbb068cb78", record.MessageId);
        Assert.Equal("Hello from SQS!", record.Body);
        Assert.Equal(1, record.Attributes.ApproximateReceiveCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1523232000000), record.Attributes.SentAt);
        Assert.Equal("MyQueue", record.QueueName());
    }

    [Fact]
    public void The_aws_lambda_dotnet_events_test_sqs_event_reads_past_its_byte_order_mark_and_message_attributes()
    {
        var bytes = Published("sqs-event.aws-lambda-dotnet-events-tests.json");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        // Lambda hands the function the event without a byte order mark; the file keeps the one it was published with.
        var batch = SqsEvent.Parse(bytes.AsSpan(3));

        var record = Assert.Single(batch.Records);
        Assert.Equal("MessageID", record.MessageId);
        Assert.Equal("MessageReceiptHandle", record.ReceiptHandle);
        Assert.Equal("Message Body", record.Body);
        Assert.Equal(2, record.Attributes.ApproximateReceiveCount);
        Assert.Equal("SQSQueue", record.QueueName());
    }

    private static byte[] Published(string name) => TestData.Bytes(Path.Combine("events", "published", name));
}
