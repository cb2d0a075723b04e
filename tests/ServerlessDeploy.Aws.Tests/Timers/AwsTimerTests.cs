using System.Text.Json.Nodes;
using Amazon.SQS;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Scheduler;
using ServerlessDeploy.Aws.Tests.Fakes;
using ServerlessDeploy.Aws.Timers;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;
using ServerlessDeploy.Testing.Sqs;

namespace ServerlessDeploy.Aws.Tests.Timers;

public sealed class AwsTimerTests : IAsyncLifetime
{
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/serverless-deploy-wake-up";
    private const string QueueArn = "arn:aws:sqs:eu-west-1:123456789012:serverless-deploy-wake-up";
    private const string RoleArn = "arn:aws:iam::123456789012:role/serverless-deploy-scheduler";
    private static readonly WakeUp Sample = new("guestbook", "c-7f3a", 2, 5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingSchedules _schedules = new();
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_ten_minute_wait_is_an_sqs_message_timer_carrying_the_wake_up()
    {
        using var sqs = Sqs();
        _server.AnswerEvery(request => SqsAnswers.Sent(request, "m-1"));

        await Timer(sqs).BookAsync(Sample, _clock.GetUtcNow().AddMinutes(10), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("AmazonSQS.SendMessage", request.Header("X-Amz-Target"));
        var expected = new JsonObject { ["QueueUrl"] = QueueUrl, ["MessageBody"] = WakeUpJson.Serialize(Sample), ["DelaySeconds"] = 600 };
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.BodyText);
        Assert.Equal(Sample, WakeUpJson.TryDeserialize(request.Json["MessageBody"]!.GetValue<string>()));
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
        Assert.Empty(_schedules.Created);
    }

    [Theory]
    [InlineData(900_000, 900)] // exactly 15 minutes: still a message timer
    [InlineData(899_001, 900)] // rounded up, never early
    [InlineData(1_500, 2)]
    [InlineData(0, 0)]
    [InlineData(-30_000, 0)] // already due: delivered at once
    public async Task Waits_up_to_fifteen_minutes_are_message_timers_in_whole_seconds_rounded_up(int waitMilliseconds, int delaySeconds)
    {
        using var sqs = Sqs();
        _server.AnswerEvery(request => SqsAnswers.Sent(request, "m-1"));

        await Timer(sqs).BookAsync(Sample, _clock.GetUtcNow().AddMilliseconds(waitMilliseconds), CancellationToken.None);

        Assert.Equal(delaySeconds, Assert.Single(_server.Requests).Json["DelaySeconds"]!.GetValue<int>());
        Assert.Empty(_schedules.Created);
    }

    [Theory]
    [InlineData(900_001)] // a millisecond past 15 minutes
    [InlineData(901_000)]
    public async Task A_wait_past_fifteen_minutes_is_a_schedule_not_a_message(int waitMilliseconds)
    {
        using var sqs = Sqs();

        await Timer(sqs).BookAsync(Sample, _clock.GetUtcNow().AddMilliseconds(waitMilliseconds), CancellationToken.None);

        Assert.Empty(_server.Requests);
        Assert.Single(_schedules.Created);
    }

    [Fact]
    public async Task A_twenty_minute_wait_is_a_one_time_schedule_sending_the_same_message_to_the_wake_up_queue()
    {
        using var sqs = Sqs();
        var dueAt = _clock.GetUtcNow().AddMinutes(20).AddMilliseconds(250).ToOffset(TimeSpan.FromHours(2));

        await Timer(sqs).BookAsync(Sample, dueAt, CancellationToken.None);

        Assert.Empty(_server.Requests);
        var schedule = Assert.Single(_schedules.Created);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 20, 1, TimeSpan.Zero), schedule.At);
        Assert.Equal(TimeSpan.Zero, schedule.At.Offset);
        Assert.Equal(QueueArn, schedule.QueueArn);
        Assert.Equal(RoleArn, schedule.RoleArn);
        Assert.Equal(WakeUpJson.Serialize(Sample), schedule.Input);
        Assert.Matches("^wake-guestbook-[0-9a-f]{16}$", schedule.Name);
    }

    [Fact]
    public async Task A_twenty_minute_wait_through_the_Scheduler_client_is_a_signed_CreateSchedule_carrying_the_wake_up()
    {
        using var sqs = Sqs();
        _server.Answer(200, """{"ScheduleArn":"arn:aws:scheduler:eu-west-1:123456789012:schedule/sdeploy-wake-ups/x"}""", contentType: "application/json");
        var scheduler = new EventBridgeSchedules(
            new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.Scheduler, TestCredentials.Region, _server.Url), _server.Http, TestCredentials.Basic),
            new OneTimeSchedulesOptions("sdeploy-wake-ups"));
        var timer = new AwsTimer(sqs, scheduler, new AwsTimerOptions(QueueUrl, QueueArn, RoleArn), _clock);

        await timer.BookAsync(Sample, _clock.GetUtcNow().AddMinutes(20), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("/schedules/wake-guestbook-", request.Path, StringComparison.Ordinal);
        Assert.Equal("at(2026-12-05T10:20:00)", request.Json["ScheduleExpression"]!.GetValue<string>());
        Assert.Equal("DELETE", request.Json["ActionAfterCompletion"]!.GetValue<string>());
        Assert.Equal(QueueArn, request.Json["Target"]!["Arn"]!.GetValue<string>());
        Assert.Equal(Sample, WakeUpJson.TryDeserialize(request.Json["Target"]!["Input"]!.GetValue<string>()));
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
    }

    [Fact]
    public async Task Booking_the_same_wake_up_again_names_the_same_schedule()
    {
        using var sqs = Sqs();
        var timer = Timer(sqs);

        await timer.BookAsync(Sample, _clock.GetUtcNow().AddHours(1), CancellationToken.None);
        await timer.BookAsync(Sample, _clock.GetUtcNow().AddHours(2), CancellationToken.None);
        await timer.BookAsync(Sample with { CursorVersion = 6 }, _clock.GetUtcNow().AddHours(1), CancellationToken.None);

        var names = _schedules.Created.Select(s => s.Name).ToList();
        Assert.Equal(names[0], names[1]);
        Assert.NotEqual(names[0], names[2]);
    }

    [Fact]
    public async Task A_failed_send_is_an_exception_not_a_booking()
    {
        using var sqs = Sqs();
        _server.Answer(SqsAnswers.Error("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist."));

        await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Timer(sqs).BookAsync(Sample, _clock.GetUtcNow().AddMinutes(1), CancellationToken.None));
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_timer_is_made()
    {
        using var sqs = Sqs();

        var error = Assert.Throws<ArgumentException>(() => new AwsTimer(sqs, _schedules, new AwsTimerOptions(QueueUrl, "", RoleArn), _clock));

        Assert.Equal("WakeUpQueueArn", error.ParamName);
    }

    private AwsTimer Timer(AmazonSQSClient sqs) => new(sqs, _schedules, new AwsTimerOptions(QueueUrl, QueueArn, RoleArn), _clock);

    private AmazonSQSClient Sqs() =>
        new(TestCredentials.Basic, new AmazonSQSConfig { ServiceURL = _server.Url.ToString(), AuthenticationRegion = TestCredentials.Region, MaxErrorRetry = 0 });
}
