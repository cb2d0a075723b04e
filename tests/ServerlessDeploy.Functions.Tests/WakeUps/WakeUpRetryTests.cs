using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Queues;

namespace ServerlessDeploy.Functions.Tests.WakeUps;

/// <summary>A wake-up that must be retried (the app's lease is held) comes back on the wake-up queue, not the deploy queue; a stale one is done and counted.</summary>
public sealed class WakeUpRetryTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private const string WakeUpQueueArn = "arn:aws:sqs:eu-west-1:123456789012:serverless-deploy-wake-up";

    [Fact]
    public async Task A_wake_up_retried_while_the_lease_is_held_changes_visibility_on_the_wake_up_queue()
    {
        using var run = new PipelineRun(cluster);
        var deployQueue = new RecordingVisibility();
        var wakeUpQueue = new RecordingVisibility();
        var stages = new QueueStages(
            new DeployerHandler(run.Local.Deployer, deployQueue).HandleAsync,
            new Dictionary<string, MessageStage>
            {
                [WakeUpQueueArn] = new DeployerHandler(run.Local.Deployer, wakeUpQueue).HandleAsync,
            });
        var handler = new QueueFunction("deployer", stages, new JsonLog(TextWriter.Null, TimeProvider.System), failureRecorder: null);
        var now = DateTimeOffset.UtcNow;
        Assert.True(await run.Local.Store.TryAcquireLeaseAsync("shop", "deploy:someone-else", now.AddMinutes(5), now, CancellationToken.None));

        var result = await handler.HandleRecordAsync(
            Records.Record(WakeUpQueueArn, "w1", WakeUpJson.Serialize(new WakeUp("shop", "c-1", 2, 5))), new InvocationContext("req-1", now.AddMinutes(1), null, null), CancellationToken.None);

        Assert.False(result.IsDone);
        Assert.Contains("another sync holds the app's lease", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(["receipt-w1"], wakeUpQueue.Changes.Select(c => c.Receipt));
        Assert.Empty(deployQueue.Changes);
    }

    [Fact]
    public async Task A_stale_wake_up_is_done_and_counted_as_an_embedded_metric()
    {
        using var run = new PipelineRun(cluster);
        using var log = new StringWriter();
        var handler = new QueueFunction("deployer", new QueueStages(new DeployerHandler(run.Local.Deployer, new NoVisibilityChange()).HandleAsync), new JsonLog(log, TimeProvider.System), failureRecorder: null);

        var result = await handler.HandleRecordAsync(
            Records.Record(WakeUpQueueArn, "w2", WakeUpJson.Serialize(new WakeUp("shop", "c-1", 2, 5))), new InvocationContext("req-2", DateTimeOffset.UtcNow.AddMinutes(1), null, null), CancellationToken.None);

        Assert.True(result.IsDone, result.FailureReason);
        var line = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("WARN", line["level"]!.GetValue<string>());
        Assert.Contains("dropped: the app has no saved sync", line["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, line["DroppedWakeUps"]!.GetValue<int>());
        var metric = line["_aws"]!["CloudWatchMetrics"]![0]!;
        Assert.Equal("ServerlessDeploy", metric["Namespace"]!.GetValue<string>());
        Assert.Equal("DroppedWakeUps", metric["Metrics"]![0]!["Name"]!.GetValue<string>());
        Assert.Equal("Count", metric["Metrics"]![0]!["Unit"]!.GetValue<string>());
    }
}
