using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Notifications.Webhooks;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Queues;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// A chat webhook that fails after a sync changes nothing about the sync: the status stays Succeeded, the request is done
/// (no retry, no second history entry), and the notice that was not sent is recorded on the status and answered as a warning.
/// </summary>
public sealed class NoticeFailureTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private const string Channel = "slack #deploys";
    private const string WebhookSecretPath = "services/T0000/B0000/webhook-secret-token";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private RecordingServer _chat = null!;

    public async Task InitializeAsync() => _chat = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task A_push_whose_chat_notice_answers_500_is_deployed_once_done_and_the_failed_notice_is_on_the_status()
    {
        using var run = new PipelineRun(cluster, notifier: Slack(_chat.Http));
        run.Config.AddApp("a");
        var first = run.Config.Commit("one app");
        _chat.Answer(500, "internal_error", contentType: "text/plain");

        await run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(run.Config.Name, "main", null, first, DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        var deployed = Assert.Single(steps, s => s.Stage == "deployer");
        Assert.Contains("synced at", deployed.Message, StringComparison.Ordinal);
        Assert.Contains($"the SyncSucceeded notice was not sent: {Channel}: Slack webhook: answered HTTP 500", deployed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("webhook-secret-token", deployed.Message, StringComparison.Ordinal);
        Assert.Single(_chat.Requests);
        var state = await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal(OperationPhase.Succeeded, state.Phase);
        Assert.Equal(SyncStatusCode.Synced, state.SyncStatus);
        Assert.Equal(first, state.Revision);
        Assert.DoesNotContain("retried", state.Message, StringComparison.Ordinal);
        Assert.NotNull(state.FailedNotice);
        Assert.Equal(NoticeKind.SyncSucceeded, state.FailedNotice.Notice);
        Assert.Equal($"{Channel}: Slack webhook: answered HTTP 500 Internal Server Error", state.FailedNotice.Error);
        Assert.Equal(first, Assert.Single(await run.Local.Store.HistoryAsync(run.Config.App("a"), CancellationToken.None)).Revision);
    }

    [Fact]
    public async Task A_notice_sent_after_a_failed_one_clears_it_from_the_status()
    {
        using var run = new PipelineRun(cluster, notifier: Slack(_chat.Http));
        run.Config.AddApp("a", greeting: "one");
        var first = run.Config.Commit("one app");
        _chat.Answer(500, "internal_error", contentType: "text/plain");
        Assert.NotNull((await run.Local.Deployer.DeployAsync(Request(run, first), null, CancellationToken.None)).Notice);
        run.Config.WriteSettings("a", "two");
        var second = run.Config.Commit("second greeting");
        _chat.Answer(200, "ok", contentType: "text/plain");

        var outcome = await run.Local.Deployer.DeployAsync(Request(run, second), null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Deployed, outcome.Kind);
        Assert.Null(outcome.Notice);
        var state = await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(second, state?.Revision);
        Assert.Null(state?.FailedNotice);
        Assert.Equal(2, _chat.Requests.Count);
    }

    [Fact]
    public async Task A_chat_webhook_that_never_answers_times_out_and_the_request_is_done_once()
    {
        // A short client timeout: the server holds the request until the client gives up, so the test never sleeps.
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using var run = new PipelineRun(cluster, notifier: Slack(impatient));
        run.Config.AddApp("a");
        var first = run.Config.Commit("one app");
        _chat.Answer(ScriptedResponse.NoAnswer);
        var request = Request(run, first);
        var handler = new DeployerHandler(run.Local.Deployer, new NoVisibilityChange());

        var answer = await handler.HandleAsync(new ReceivedMessage("m-1", DeployRequestJson.Serialize(request), 1, "receipt-1"), null, CancellationToken.None);
        var again = await run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);

        Assert.True(answer.Done, answer.Message);
        Assert.True(answer.Warning);
        Assert.Contains($"{Channel}: Slack webhook: did not answer within 0.3 s", answer.Message, StringComparison.Ordinal);
        Assert.Equal(DeployOutcomeKind.Skipped, again.Kind);
        Assert.Contains("already carried out", again.Message, StringComparison.Ordinal);
        Assert.Single(_chat.Requests);
        var state = await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Succeeded, state?.Phase);
        Assert.Equal($"{Channel}: Slack webhook: did not answer within 0.3 s", state?.FailedNotice?.Error);
        Assert.Single(await run.Local.Store.HistoryAsync(run.Config.App("a"), CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_sync_whose_notice_fails_stays_failed_and_is_not_retried()
    {
        using var run = new PipelineRun(cluster, notifier: Slack(_chat.Http));
        run.Config.AddApp("a");
        run.Config.Repository.Write("workloads/a/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [this is not: valid\n");
        var broken = run.Config.Commit("a broken manifest");
        _chat.Answer(503, "busy", contentType: "text/plain");

        var outcome = await run.Local.Deployer.DeployAsync(Request(run, broken), null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(NoticeKind.SyncFailed, outcome.Notice?.Notice);
        var state = await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Failed, state?.Phase);
        Assert.Equal($"{Channel}: Slack webhook: answered HTTP 503 Service Unavailable", state?.FailedNotice?.Error);
    }

    private CompositeNotifier Slack(HttpClient http) =>
        new([new NotificationChannel(Channel, new ChatWebhookNotifier(http, new ChatWebhookOptions(ChatService.Slack, new Uri(_chat.Url, WebhookSecretPath))))]);

    private static DeployRequest Request(PipelineRun run, string revision) =>
        new(run.Config.App("a"), DeployReason.Manual, revision, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");
}
