using Amazon.SQS;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Scheduler;
using ServerlessDeploy.Aws.Timers;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Queues;
using ServerlessDeploy.Testing.Signing;
using ServerlessDeploy.Testing.Sqs;

namespace ServerlessDeploy.Functions.Tests.WakeUps;

/// <summary>
/// The deployer's queue function, a record at a time, with the AWS timer: a health gate past the invocation's deadline ends the
/// invocation with the deploy message done and an SQS message timer (DelaySeconds) carrying the wake-up to the wake-up
/// queue; that message, handled by the same function, finishes the sync.
/// </summary>
public sealed class WakeUpBookingTests(SlowControllersFixture cluster) : IClassFixture<SlowControllersFixture>
{
    private const string WakeUpQueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/serverless-deploy-wake-up";
    private const string WakeUpQueueArn = "arn:aws:sqs:eu-west-1:123456789012:serverless-deploy-wake-up";

    [Fact]
    public async Task A_gate_past_the_deadline_books_an_sqs_message_timer_and_the_wake_up_it_carries_finishes_the_sync()
    {
        await using var aws = await RecordingServer.StartAsync();
        aws.AnswerEvery(request => SqsAnswers.Sent(request, "m-1"));
        using var sqs = new AmazonSQSClient(TestCredentials.Basic, new AmazonSQSConfig { ServiceURL = aws.Url.ToString(), AuthenticationRegion = TestCredentials.Region, MaxErrorRetry = 0 });
        using var http = new HttpClient();
        var schedules = new EventBridgeSchedules(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.Scheduler, TestCredentials.Region), http), new OneTimeSchedulesOptions("serverless-deploy-wake-ups"));
        var timer = new AwsTimer(sqs, schedules, new AwsTimerOptions(WakeUpQueueUrl, WakeUpQueueArn, "arn:aws:iam::123456789012:role/serverless-deploy-scheduler"), TimeProvider.System);
        using var run = new PipelineRun(cluster, settings => settings with { DeadlineMargin = TimeSpan.FromMilliseconds(200), ContinueAfter = TimeSpan.FromSeconds(2) }, timer: timer);
        run.Config.AddApp("a").AddDeployment("a");
        var commit = run.Config.Commit("an app with a Deployment");
        var handler = new QueueFunction("deployer", new QueueStages(new DeployerHandler(run.Local.Deployer, new NoVisibilityChange()).HandleAsync), new JsonLog(TextWriter.Null, TimeProvider.System), failureRecorder: null);
        var request = new DeployRequest(run.Config.App("a"), DeployReason.Manual, commit, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");

        var first = await handler.HandleRecordAsync(
            Records.Record(Records.FifoQueueArn, "d1", DeployRequestJson.Serialize(request)), new InvocationContext("req-1", DateTimeOffset.UtcNow.AddSeconds(1.2), null, null), CancellationToken.None);

        Assert.True(first.IsDone, first.FailureReason);
        var booked = Assert.Single(aws.Requests);
        Assert.Equal("AmazonSQS.SendMessage", booked.Header("X-Amz-Target"));
        Assert.Equal(WakeUpQueueUrl, booked.Json["QueueUrl"]!.GetValue<string>());
        Assert.InRange(booked.Json["DelaySeconds"]!.GetValue<int>(), 1, 3);
        var body = booked.Json["MessageBody"]!.GetValue<string>();
        var cursor = (await run.Local.Store.GetCursorAsync(run.Config.App("a"), CancellationToken.None))!;
        Assert.Equal(new WakeUp(cursor.App, cursor.Id, cursor.Position, cursor.Version), WakeUpJson.TryDeserialize(body));
        Assert.Equal(OperationPhase.Running, (await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None))!.Phase);

        var woken = await handler.HandleRecordAsync(
            Records.Record(WakeUpQueueArn, "w1", body), new InvocationContext("req-2", DateTimeOffset.UtcNow.AddMinutes(2), null, null), CancellationToken.None);

        Assert.True(woken.IsDone, woken.FailureReason);
        var state = await run.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal((OperationPhase.Succeeded, commit), (state!.Phase, state.Revision));
        Assert.Single(await run.Local.Store.HistoryAsync(run.Config.App("a"), CancellationToken.None));
    }

}
