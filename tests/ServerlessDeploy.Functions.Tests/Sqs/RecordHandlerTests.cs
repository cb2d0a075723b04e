using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rendering;

namespace ServerlessDeploy.Functions.Tests.Sqs;

/// <summary>The SQS adapters over the real pipeline handlers, on messages they settle without Git or a cluster.</summary>
public sealed class RecordHandlerTests : IDisposable
{
    private static readonly InvocationContext Context = new("req-1", DateTimeOffset.UtcNow.AddMinutes(1), null, null);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-record-handlers-");
    private readonly StringWriter _log = new();
    private readonly SqliteStateStore _store;

    public RecordHandlerTests() => _store = new SqliteStateStore(Path.Combine(_folder.FullName, "state"));

    [Fact]
    public async Task A_malformed_intake_message_is_retried_with_the_routers_reason()
    {
        var result = await Router().HandleRecordAsync(Records.Record(Records.StandardQueueArn, "m1", "[1,2]"), Context, CancellationToken.None);

        Assert.False(result.IsDone);
        Assert.StartsWith("malformed event: ", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ignored_event_is_done_and_logged()
    {
        const string Delete = """{"detail-type":"ECR Image Action","detail":{"action-type":"DELETE","result":"SUCCESS","repository-name":"guestbook"}}""";

        var result = await Router().HandleRecordAsync(Records.Record(Records.StandardQueueArn, "m2", Delete), Context, CancellationToken.None);

        Assert.True(result.IsDone);
        Assert.Contains("message m2: ignored: ECR action DELETE on guestbook is not a push.", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_CodeCommit_sample_with_placeholder_commit_ids_is_rejected_done_and_logged_as_a_warning()
    {
        var sample = TestData.Text("events/published/codecommit-reference-updated.aws-docs.json");

        var result = await Router().HandleRecordAsync(Records.Record(Records.StandardQueueArn, "m3", sample), Context, CancellationToken.None);

        Assert.True(result.IsDone);
        var entry = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("WARN", (string?)entry["level"]);
        Assert.Equal(
            "message m3: rejected, not retried: CodeCommit push to MyDemoRepo branch myBranch: 'detail.commitId' is not a commit id (40 lowercase hex digits): '7f0103fMERGE'.",
            (string?)entry["message"]);
    }

    [Fact]
    public async Task The_published_SQS_sample_body_is_no_event_so_the_router_returns_it_with_its_reason()
    {
        var record = Assert.Single(SqsEvent.Parse(TestData.Bytes("events/published/sqs.aws-lambda-dotnet.json")).Records);

        var result = await Router().HandleRecordAsync(record, Context, CancellationToken.None);

        Assert.False(result.IsDone);
        Assert.StartsWith("malformed event: not a trigger: ", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_deploy_request_is_retried_with_the_deployers_reason()
    {
        var result = await Deployer().HandleRecordAsync(Records.Record(Records.FifoQueueArn, "d1", "{"), Context, CancellationToken.None);

        Assert.False(result.IsDone);
        Assert.StartsWith("malformed deploy request: ", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deployer_gets_the_invocation_deadline_and_its_outcome_decides_the_record()
    {
        var seen = new List<(ReceivedMessage Message, DateTimeOffset? Deadline)>();
        var handler = new QueueFunction(
            "deployer",
            new QueueStages((message, deadline, _) =>
            {
                seen.Add((message, deadline));
                return Task.FromResult(message.MessageId == "d2" ? MessageResult.Handled("guestbook: synced") : MessageResult.Failed("guestbook: continued"));
            }),
            new JsonLog(_log, TimeProvider.System),
            failureRecorder: null);

        var done = await handler.HandleRecordAsync(Records.Record(Records.FifoQueueArn, "d2", "{}"), Context, CancellationToken.None);
        var kept = await handler.HandleRecordAsync(Records.Record(Records.FifoQueueArn, "d3", "{}"), Context, CancellationToken.None);

        Assert.True(done.IsDone);
        Assert.Equal("guestbook: continued", kept.FailureReason);
        Assert.Equal([Context.Deadline, Context.Deadline], seen.Select(s => s.Deadline));
        Assert.Equal(new ReceivedMessage("d2", "{}", 2, "receipt-d2", DateTimeOffset.FromUnixTimeMilliseconds(1763298185000)), seen[0].Message);
        Assert.Contains("message d2: guestbook: synced", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_becomes_the_pipelines_message_and_results_map_back()
    {
        var record = new SqsRecord("id-7", "receipt-7", "body", new SqsRecordAttributes(4, 1763298185000), Records.FifoQueueArn);

        // SentTimestamp becomes the message's sent time: when the event reached the pipeline, for the operation's stages.
        Assert.Equal(new ReceivedMessage("id-7", "body", 4, "receipt-7", DateTimeOffset.FromUnixTimeMilliseconds(1763298185000)), record.ToReceivedMessage());
        Assert.Equal("serverless-deploy-deploy.fifo", record.QueueName());
        Assert.True(MessageResult.Handled("synced").ToRecordResult().IsDone);
        Assert.Equal("lease held", MessageResult.Failed("lease held").ToRecordResult().FailureReason);
        Assert.Equal("the handler failed without a reason", MessageResult.Failed(" ").ToRecordResult().FailureReason);
    }

    public void Dispose()
    {
        _log.Dispose();
        _store.Dispose();
        _folder.Delete(recursive: true);
    }

    private QueueFunction Router()
    {
        var (settings, git, config) = Pipeline();
        var sources = new GitSourceRepository(git, new NoGitCredentials());
        var router = new Router(config, sources, settings, new RecordingQueueSender(), _store, TimeProvider.System);
        var handler = new RouterHandler(router);
        return new QueueFunction(
            "router", new QueueStages(handler.HandleAsync), new JsonLog(_log, TimeProvider.System), failureRecorder: null);
    }

    private QueueFunction Deployer()
    {
        var (settings, git, config) = Pipeline();
        var sources = new GitSourceRepository(git, new NoGitCredentials());
        var deployer = new Deployer(config, sources, DeployerStore.Of(_store), new NoClusters(), new NoRenderer(), new CompositeNotifier([]), new ImageUpdater(_store, new NoImageRegistry(), new GitSourceWriter(git, new NoGitCredentials()), ImageUpdateSettings.Default), settings, TimeProvider.System, new SyncWaits(_store, null));
        return new QueueFunction("deployer", new QueueStages(new DeployerHandler(deployer, new NoVisibility()).HandleAsync), new JsonLog(_log, TimeProvider.System), failureRecorder: null);
    }

    private (PipelineSettings, GitSources, ConfigRepository) Pipeline()
    {
        var settings = new PipelineSettings(Path.Combine(_folder.FullName, "config"));
        var sources = new GitSources(new GitSourceOptions(Path.Combine(_folder.FullName, "git")), TimeProvider.System);
        return (settings, sources, new ConfigRepository(new GitSourceRepository(sources, new NoGitCredentials()), settings));
    }

    /// <summary>The ports a malformed request never reaches; each says so if it is.</summary>
    private sealed class NoClusters : IClusterConnector
    {
        public ClusterConnection Connect(ApplicationDestination destination) => throw new InvalidOperationException("no cluster in this test");
    }

    private sealed class NoRenderer : IManifestRenderer
    {
        public Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("no rendering in this test");
    }

    private sealed class NoVisibility : IVisibilityControl
    {
        public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibleIn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no visibility change in this test");
    }
}
