using System.Text;
using System.Text.Json;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Sqs;

/// <summary>The router and deployer dispatch (through the batch processor) and start-up failures, through the real loop.</summary>
public sealed class QueueFedFunctionTests
{
    [Fact]
    public async Task The_deployer_handler_gets_each_fifo_record_with_the_invocation_context_and_failures_come_back_in_order()
    {
        var handler = new ScriptedRecordHandler(failing: "b");
        var recorder = new RecordingFailureRecorder();
        await using var function = new RunningFunction(Variables.Complete("deployer"), Ports(deployer: handler, recorder: recorder));
        var batch = Records.Batch(Records.FifoQueueArn, "a", "b", "c");

        var post = await function.InvokeAsync(Json(batch));

        Assert.EndsWith("/response", post.Path, StringComparison.Ordinal);
        var response = SqsBatchResponse.Parse(Encoding.UTF8.GetBytes(post.Body));
        Assert.Equal(["b", "c"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal([("a", "req-1"), ("b", "req-1")], handler.Seen);
        Assert.Equal([("b", "lease held by another sync")], recorder.Failures);
    }

    [Fact]
    public async Task The_router_handler_is_chosen_by_handler_name()
    {
        var router = new ScriptedRecordHandler(failing: null);
        var deployer = new ScriptedRecordHandler(failing: null);
        await using var function = new RunningFunction(Variables.Complete("router"), Ports(router: router, deployer: deployer));

        var post = await function.InvokeAsync(Json(Records.Batch(Records.StandardQueueArn, "x")));

        Assert.Equal("""{"batchItemFailures":[]}""", post.Body);
        Assert.Equal(["x"], router.Seen.Select(s => s.MessageId));
        Assert.Empty(deployer.Seen);
    }

    [Fact]
    public async Task A_handler_that_is_not_wired_stops_the_function_with_an_init_error()
    {
        await using var function = new RunningFunction(Variables.Complete("router"), Ports());

        var post = await function.WaitForFirstPostAsync();
        var (exitCode, _) = await function.StopAsync();

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("The router handler is not wired into this build yet.", post.ErrorMessage());
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Missing_settings_are_one_init_error_naming_each_variable()
    {
        var variables = Variables.Complete("webhook");
        variables.Remove("INTAKE_QUEUE_URL");
        variables.Remove("WEBHOOK_SECRET_PARAMETER");
        await using var function = new RunningFunction(variables, Ports());

        var post = await function.WaitForFirstPostAsync();

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("FunctionSettingsException", post.ErrorTypeHeader);
        Assert.Equal(
            "The function cannot start: missing environment variable(s): INTAKE_QUEUE_URL, WEBHOOK_SECRET_PARAMETER.",
            post.ErrorMessage());
    }

    [Fact]
    public async Task The_deployed_ports_take_a_file_queue_and_secret_for_local_runs()
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-functions-");
        try
        {
            var queue = Path.Combine(folder.FullName, "intake.jsonl");
            var secret = Path.Combine(folder.FullName, "webhook.secret");
            await File.WriteAllBytesAsync(secret, GitHubDeliveries.Secret);
            var variables = Variables.Complete("webhook");
            variables["INTAKE_QUEUE_URL"] = "file://" + queue;
            variables["WEBHOOK_SECRET_PARAMETER"] = "file://" + secret;
            variables.Remove("AWS_REGION");
            await using var function = new RunningFunction(variables, FunctionComposition.Production());
            var (headers, body) = GitHubDeliveries.Push();

            var post = await function.InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

            Assert.Equal(202, FunctionUrlResponse.Parse(Encoding.UTF8.GetBytes(post.Body)).StatusCode);
            var line = Assert.Single(await File.ReadAllLinesAsync(queue));
            Assert.Contains("\"type\":\"git-pushed\"", line, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static FunctionPorts Ports(ISqsRecordHandler? router = null, ISqsRecordHandler? deployer = null, IFailureRecorder? recorder = null) => new(
        WebhookSecret: _ => new InMemoryWebhookSecret(GitHubDeliveries.Secret),
        IntakeQueue: _ => new RecordingQueueSender(),
        FailureRecorder: _ => recorder,
        Router: router is null ? null : (_, _) => router,
        Deployer: deployer is null ? null : (_, _) => deployer);

    private static string Json(SqsEvent batch) =>
        JsonSerializer.Serialize(new
        {
            Records = batch.Records.Select(r => new Dictionary<string, object?>
            {
                ["messageId"] = r.MessageId,
                ["receiptHandle"] = r.ReceiptHandle,
                ["body"] = r.Body,
                ["attributes"] = new Dictionary<string, string?>
                {
                    ["ApproximateReceiveCount"] = "1",
                    ["SentTimestamp"] = "1763298185000",
                    ["MessageGroupId"] = r.Attributes.MessageGroupId,
                },
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = r.EventSourceArn,
            }),
        });

    /// <summary>A record handler that notes (message id, request id) and fails the one message it is told to.</summary>
    private sealed class ScriptedRecordHandler(string? failing) : ISqsRecordHandler
    {
        public List<(string MessageId, string RequestId)> Seen { get; } = [];

        public Task<RecordResult> HandleAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken)
        {
            Seen.Add((record.MessageId, context.RequestId));
            return Task.FromResult(record.MessageId == failing ? RecordResult.Retry("lease held by another sync") : RecordResult.Done);
        }
    }
}
