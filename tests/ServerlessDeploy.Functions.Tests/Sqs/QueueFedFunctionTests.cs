using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Tests.Sqs;

/// <summary>The router and deployer dispatch (through the batch processor) and start-up failures, through the real loop.</summary>
public sealed class QueueFedFunctionTests
{
    [Fact]
    public async Task The_deployer_handler_gets_each_fifo_record_with_the_invocation_context_and_failures_come_back_in_order()
    {
        var stage = new ScriptedStage(failing: "b");
        var recorder = new RecordingFailureRecorder();
        await using var function = new RunningFunction(Variables.Complete("deployer"), Ports(deployer: stage, recorder: recorder));
        var batch = Records.Batch(Records.FifoQueueArn, "a", "b", "c");

        var post = await function.InvokeAsync(Json(batch));

        Assert.EndsWith("/response", post.Path, StringComparison.Ordinal);
        var response = SqsBatchResponse.Parse(Encoding.UTF8.GetBytes(post.Body));
        Assert.Equal(["b", "c"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal(["a", "b"], stage.Seen.Select(s => s.MessageId));
        // The stage gets the invocation's deadline; the invocation's request id is on each record's log line.
        Assert.Single(stage.Seen.Select(s => s.Deadline).Distinct());
        Assert.InRange(stage.Seen[0].Deadline ?? default, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(31));
        var (_, log) = await function.StopAsync();
        Assert.Equal([("req-1", "message a: handled"), ("req-1", "message b failed (receive 1): lease held by another sync")], RecordLines(log));
        Assert.Equal([("b", "lease held by another sync")], recorder.Failures);
    }

    [Fact]
    public async Task A_stage_that_throws_fails_its_record_logged_with_the_handler_and_message_id_and_never_the_body()
    {
        var stage = new ScriptedStage(failing: null, throwing: "poison");
        var recorder = new RecordingFailureRecorder();
        await using var function = new RunningFunction(Variables.Complete("deployer"), Ports(deployer: stage, recorder: recorder));
        var batch = new SqsEvent([Records.Record(Records.StandardQueueArn, "poison", "SECRET-BODY-CONTENT"), Records.Record(Records.StandardQueueArn, "next", "{}")]);

        var post = await function.InvokeAsync(Json(batch));

        Assert.EndsWith("/response", post.Path, StringComparison.Ordinal);
        Assert.Equal(["poison"], SqsBatchResponse.Parse(Encoding.UTF8.GetBytes(post.Body)).BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal([("poison", "deployer: unexpected InvalidOperationException: render failed")], recorder.Failures);
        var (_, log) = await function.StopAsync();
        Assert.Equal(
            [("req-1", "message poison failed (receive 1): deployer: unexpected InvalidOperationException: render failed"), ("req-1", "message next: handled")],
            RecordLines(log));
        Assert.DoesNotContain("SECRET-BODY-CONTENT", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_router_handler_is_chosen_by_handler_name()
    {
        var router = new ScriptedStage(failing: null);
        var deployer = new ScriptedStage(failing: null);
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

    /// <summary>
    /// Stopped while its init error is still being posted (the Runtime API took the request and has not answered), the
    /// host still ends with the init failure's exit code instead of throwing the cancellation (a flaky end of the test above).
    /// </summary>
    [Fact]
    public async Task Stopped_while_posting_the_init_error_it_still_exits_1()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var variables = Variables.Complete("webhook");
        variables.Remove("INTAKE_QUEUE_URL");
        variables["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        using var log = new StringWriter();

        var run = ServerlessDeploy.Functions.Hosting.FunctionHost.RunAsync(
            new ServerlessDeploy.Testing.Lambda.DictionaryRuntimeEnvironment(variables), Ports(), new ServerlessDeploy.Lambda.Runtime.JsonLog(log, TimeProvider.System), http, stop.Token);
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();

        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromMinutes(2)));
    }

    private static FunctionPorts Ports(ScriptedStage? router = null, ScriptedStage? deployer = null, IFailureRecorder? recorder = null) => new(
        WebhookSecret: _ => new InMemoryWebhookSecret(GitHubDeliveries.Secret),
        IntakeQueue: _ => new RecordingQueueSender(),
        FailureRecorder: _ => recorder,
        Router: router is null ? null : _ => new QueueStages(router.HandleAsync),
        Deployer: deployer is null ? null : _ => new QueueStages(deployer.HandleAsync));

    /// <summary>The (request id, message) of each log line about a message, in order.</summary>
    private static (string?, string?)[] RecordLines(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line))
            .Select(entry => ((string?)entry?["requestId"], (string?)entry?["message"]))
            .Where(entry => entry.Item2?.StartsWith("message ", StringComparison.Ordinal) == true)
            .ToArray();

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

    /// <summary>A stage that notes (message id, deadline), fails the one message it is told to and throws on another.</summary>
    private sealed class ScriptedStage(string? failing, string? throwing = null)
    {
        public List<(string MessageId, DateTimeOffset? Deadline)> Seen { get; } = [];

        public Task<MessageResult> HandleAsync(ReceivedMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
        {
            Seen.Add((message.MessageId, deadline));
            if (message.MessageId == throwing)
            {
                throw new InvalidOperationException("render failed");
            }

            return Task.FromResult(message.MessageId == failing ? MessageResult.Failed("lease held by another sync") : MessageResult.Handled("handled"));
        }
    }
}
