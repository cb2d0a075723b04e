using k8s;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Pipeline.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>A sync longer than one invocation: recorded as Running with its progress, then continued by the pipeline.</summary>
public sealed class ContinuationTests(SlowControllersFixture cluster) : IClassFixture<SlowControllersFixture>, IDisposable
{
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(200);

    private readonly PipelineRun run = new(
        cluster,
        settings => settings with { DeadlineMargin = DeadlineMargin, ContinueAfter = TimeSpan.FromMilliseconds(100) },
        invocationTime: DeadlineMargin + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_rollout_longer_than_the_invocation_is_recorded_running_and_continued_until_it_succeeds()
    {
        var config = run.Config;
        config.AddApp("a").AddDeployment("a");
        var first = config.Commit("an app with a Deployment");
        await run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(config.Name, "main", null, first, DateTimeOffset.UtcNow), CancellationToken.None);

        // No waiting: the router's message and the first deploy attempt, then stop at the first invisible message.
        var firstSteps = await run.Local.Pipeline.RunAsync(TimeSpan.Zero, CancellationToken.None);

        var attempt = Assert.Single(firstSteps, s => s.Stage == "deployer");
        Assert.False(attempt.Done, attempt.Message);
        Assert.Equal(1, run.Local.Pipeline.Queues.Deploy.Count);
        var running = await run.Local.Store.GetAppAsync(config.App("a"), CancellationToken.None);
        Assert.NotNull(running);
        Assert.Equal(OperationPhase.Running, running.Phase);
        Assert.NotNull(running.Progress);
        Assert.Equal(first, running.Progress.Revision);
        Assert.Empty(run.Notifier.Notifications);

        var rest = await run.Local.Pipeline.RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal(0, run.Local.Pipeline.Queues.Deploy.Count);
        Assert.Equal(0, run.Local.Pipeline.Queues.DeployDeadLetter.Count);
        Assert.True(rest[^1].Done, rest[^1].Message);
        Assert.All(rest.Where(s => !s.Done), s => Assert.Equal(attempt.MessageId, s.MessageId));
        var done = await run.Local.Store.GetAppAsync(config.App("a"), CancellationToken.None);
        Assert.NotNull(done);
        Assert.Equal(OperationPhase.Succeeded, done.Phase);
        Assert.Equal(first, done.Revision);
        Assert.Null(done.Progress);
        Assert.Single(await run.Local.Store.HistoryAsync(config.App("a"), CancellationToken.None));
        Assert.Equal(Pipeline.Notifications.NotificationKind.SyncSucceeded, Assert.Single(run.Notifier.Notifications).Kind);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", config.Namespace("a"));
        Assert.Equal(1, deployment.Status?.ReadyReplicas);
    }

    public void Dispose() => run.Dispose();
}
