using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Notifications;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Queues;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Functions.Tests.Notices;

/// <summary>
/// EventBridge PutEvents failing after a successful sync, through the deployer's queue function and through the
/// CodePipeline action: the sync stays Succeeded and done, the job succeeds, and the failed notice is logged as a warning
/// and kept on the app's status.
/// </summary>
public sealed class EventBridgeNoticeFailureTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string PutEvents = "AWSEvents.PutEvents";
    private const string AccessDenied = """{"__type":"AccessDeniedException","message":"User is not authorized to perform: events:PutEvents on resource: arn:aws:events:eu-west-1:123456789012:event-bus/default"}""";

    [Fact]
    public async Task A_deploy_request_whose_PutEvents_is_refused_is_done_with_a_warning_and_the_sync_stays_succeeded()
    {
        await using var events = await RecordingServer.StartAsync();
        using var run = new PipelineRun(cluster, notifier: EventBridge(events));
        run.Config.AddApp("a");
        var commit = run.Config.Commit("one app");
        events.Answer(400, AccessDenied);
        using var log = new StringWriter();
        var handler = new QueueFunction("deployer", new QueueStages(new DeployerHandler(run.Local.Deployer, new NoVisibilityChange()).HandleAsync), new JsonLog(log, TimeProvider.System), failureRecorder: null);
        var request = new DeployRequest(run.Config.App("a"), DeployReason.Manual, commit, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");
        var context = new InvocationContext("req-1", DateTimeOffset.UtcNow.AddMinutes(5), null, null);

        var result = await handler.HandleRecordAsync(Records.Record(Records.FifoQueueArn, "d1", DeployRequestJson.Serialize(request)), context, CancellationToken.None);

        Assert.True(result.IsDone, result.FailureReason);
        Assert.Equal(PutEvents, Assert.Single(events.Requests).Header("X-Amz-Target"));
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var entry = JsonNode.Parse(line)!;
        Assert.Equal("WARN", (string?)entry["level"]);
        Assert.Contains("the SyncSucceeded notice was not sent: eventbridge: ", (string?)entry["message"], StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", (string?)entry["message"], StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.SecretKey, line, StringComparison.Ordinal);
        var state = await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Succeeded, state?.Phase);
        Assert.Equal(commit, state?.Revision);
        Assert.Equal(NoticeKind.SyncSucceeded, state?.FailedNotice?.Notice);
        Assert.StartsWith("eventbridge: ", state?.FailedNotice?.Error, StringComparison.Ordinal);
        Assert.Single(await run.Local.Store.HistoryAsync(run.Config.App("a"), CancellationToken.None));
    }

    [Fact]
    public async Task A_CodePipeline_job_whose_PutEvents_entry_fails_succeeds_without_a_continuation_and_logs_the_notice()
    {
        await using var run = await CodePipelineRun.StartAsync(cluster, notifier: EventBridge);
        run.Config.AddApp("a");
        var commit = run.Config.Commit("one app");
        run.Aws.Answer(200, """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"InternalFailure","ErrorMessage":"Internal failure."}]}""")
            .Answer(200, "");

        await run.Function.InvokeAsync(run.Job("codepipeline-job.json"));

        Assert.Equal([PutEvents, "CodePipeline_20150709.PutJobSuccessResult"], run.Aws.Requests.Select(r => r.Header("X-Amz-Target")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"jobId":"11111111-abcd-1111-abcd-111111abcdef"}"""), run.Aws.Requests[1].Json), run.Aws.Requests[1].BodyText);
        var state = await run.Pipeline.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Succeeded, state?.Phase);
        Assert.Equal(commit, state?.Revision);
        Assert.Contains("InternalFailure", state?.FailedNotice?.Error, StringComparison.Ordinal);
        Assert.Single(await run.Pipeline.Local.Store.HistoryAsync(run.Config.App("a"), CancellationToken.None));
        var (_, log) = await run.Function.StopAsync();
        var warning = Assert.Single(log.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("\"level\":\"WARN\"", StringComparison.Ordinal));
        Assert.Contains("codepipeline: job 11111111-abcd-1111-abcd-111111abcdef: the SyncSucceeded notice was not sent: eventbridge: ", warning, StringComparison.Ordinal);
    }

    private static CompositeNotifier EventBridge(RecordingServer server) =>
        new([new NotificationChannel("eventbridge", new EventBridgeNotifier(new EventBridgeClient(new AwsJsonClient(
            new AwsJsonClientOptions(AwsJsonService.EventBridge, TestCredentials.Region, server.Url, MaxRetries: 0), server.Http, TestCredentials.Basic))))]);

}
