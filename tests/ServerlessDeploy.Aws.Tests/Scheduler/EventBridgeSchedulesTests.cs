using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Scheduler;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Scheduler;

public sealed class EventBridgeSchedulesTests : IAsyncLifetime
{
    private const string Group = "sdeploy-wake-ups";
    private const string QueueArn = "arn:aws:sqs:eu-west-1:123456789012:sdeploy-wake-up";
    private const string RoleArn = "arn:aws:iam::123456789012:role/sdeploy-scheduler";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 15, 0, TimeSpan.Zero);
    private static readonly OneTimeSchedule Wake = new("wake-shop-7-3", new DateTimeOffset(2026, 12, 6, 11, 35, 20, TimeSpan.FromHours(2)), QueueArn, RoleArn, """{"app":"shop","version":7}""");
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_posts_a_one_time_schedule_to_its_path_signed_for_scheduler()
    {
        _server.Answer(200, """{"ScheduleArn":"arn:aws:scheduler:eu-west-1:123456789012:schedule/sdeploy-wake-ups/wake-shop-7-3"}""", contentType: "application/json");

        await Schedules().CreateAsync(Wake, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/schedules/wake-shop-7-3", ""), (request.Method, request.Path, request.Query));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.False(request.Headers.ContainsKey("X-Amz-Target"));
        var expected = JsonNode.Parse("""
            {"GroupName":"sdeploy-wake-ups","ScheduleExpression":"at(2026-12-06T09:35:20)","ScheduleExpressionTimezone":"UTC",
             "FlexibleTimeWindow":{"Mode":"OFF"},"ActionAfterCompletion":"DELETE",
             "Target":{"Arn":"arn:aws:sqs:eu-west-1:123456789012:sdeploy-wake-up","RoleArn":"arn:aws:iam::123456789012:role/sdeploy-scheduler",
                       "Input":"{\"app\":\"shop\",\"version\":7}"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.BodyText);
        AssertSignedForScheduler(request);
    }

    [Fact]
    public async Task Delete_sends_the_group_in_the_query_without_a_body_signed_for_scheduler()
    {
        _server.Answer(200, "{}", contentType: "application/json");

        await Schedules().DeleteAsync("wake-shop-7-3", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("DELETE", "/schedules/wake-shop-7-3", "?groupName=sdeploy-wake-ups"), (request.Method, request.Path, request.Query));
        Assert.Empty(request.Body);
        Assert.False(request.Headers.ContainsKey("Content-Type"));
        AssertSignedForScheduler(request);
    }

    [Fact]
    public async Task A_schedule_that_already_exists_counts_as_created()
    {
        _server.Answer(409, """{"Message":"Schedule wake-shop-7-3 already exists."}""",
            new Dictionary<string, string> { ["X-Amzn-ErrorType"] = "ConflictException:http://internal.amazon.com/coral/com.amazon.scheduler/" }, "application/json");

        await Schedules().CreateAsync(Wake, CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_schedule_that_is_gone_counts_as_deleted()
    {
        _server.Answer(404, """{"Message":"Schedule wake-shop-7-3 does not exist."}""",
            new Dictionary<string, string> { ["X-Amzn-ErrorType"] = "ResourceNotFoundException" }, "application/json");

        await Schedules().DeleteAsync("wake-shop-7-3", CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(true, 404, "ResourceNotFoundException", "Schedule group sdeploy-wake-ups does not exist.")]
    [InlineData(true, 400, "ValidationException", "Invalid request provided: The RoleArn is not valid.")]
    [InlineData(false, 409, "ConflictException", "Schedule wake-shop-7-3 is being deleted.")]
    [InlineData(false, 403, "AccessDeniedException", "User is not authorized to perform: scheduler:DeleteSchedule")]
    public async Task Other_errors_fail_with_the_services_code_and_message(bool create, int status, string code, string message)
    {
        _server.Answer(status, new JsonObject { ["Message"] = message }.ToJsonString(),
            new Dictionary<string, string> { ["X-Amzn-ErrorType"] = code }, "application/json");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => create
            ? Schedules().CreateAsync(Wake, CancellationToken.None)
            : Schedules().DeleteAsync("wake-shop-7-3", CancellationToken.None));

        var operation = create ? "CreateSchedule" : "DeleteSchedule";
        Assert.Equal(("Scheduler", operation, code, (HttpStatusCode)status), (error.Service, error.Operation, error.ErrorCode, error.StatusCode));
        Assert.Equal($"Scheduler {operation} failed with {code} (HTTP {status}): {message}", error.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_and_each_attempt_is_signed()
    {
        _server.Answer(429, """{"Message":"Rate exceeded"}""", new Dictionary<string, string> { ["X-Amzn-ErrorType"] = "ThrottlingException" }, "application/json")
            .Answer(200, """{"ScheduleArn":"arn"}""", contentType: "application/json");

        await Schedules(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.Scheduler, TestCredentials.Region, _server.Url, BaseDelay: TimeSpan.FromMilliseconds(1)),
            _server.Http, TestCredentials.Basic)).CreateAsync(Wake, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => SigV4Verifier.AssertVerifies(r, TestCredentials.SecretKey));
    }

    [Theory]
    [InlineData("2026-12-06T09:35:20.0000000+00:00", "at(2026-12-06T09:35:20)")]
    [InlineData("2026-12-06T09:35:20.0010000+00:00", "at(2026-12-06T09:35:21)")]
    [InlineData("2026-12-31T23:59:59.5000000+00:00", "at(2027-01-01T00:00:00)")]
    [InlineData("2026-12-06T01:00:00.0000000-05:00", "at(2026-12-06T06:00:00)")]
    public void The_time_is_utc_in_whole_seconds_never_early(string at, string expression) =>
        Assert.Equal(expression, EventBridgeSchedules.AtExpression(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("")]
    [InlineData("wake/../other")]
    [InlineData("wake up")]
    [InlineData("a-name-that-is-far-too-long-for-eventbridge-scheduler-to-take-in-any-group")]
    public async Task Names_scheduler_would_refuse_are_refused_before_anything_is_sent(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Schedules().CreateAsync(Wake with { Name = name }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Schedules().DeleteAsync(name, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => new EventBridgeSchedules(Client(), new OneTimeSchedulesOptions(name)));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_endpoint_is_schedulers_regional_one_or_the_scheduler_endpoint_variable()
    {
        var options = new AwsJsonClientOptions(AwsJsonService.Scheduler, "eu-west-1");
        Assert.Equal(new Uri("https://scheduler.eu-west-1.amazonaws.com/"), options.ResolveEndpoint(_ => null));
        Assert.Equal("AWS_ENDPOINT_URL_SCHEDULER", AwsJsonService.Scheduler.EndpointVariable);

        _server.Answer(200, "{}", contentType: "application/json");
        var client = new AwsJsonClient(options, _server.Http, TestCredentials.Basic,
            variable: name => name == "AWS_ENDPOINT_URL_SCHEDULER" ? _server.Url.ToString() : null);
        await Schedules(client).DeleteAsync("wake-1", CancellationToken.None);
        Assert.Equal("/schedules/wake-1", Assert.Single(_server.Requests).Path);
    }

    private static void AssertSignedForScheduler(RecordedRequest request)
    {
        var authorization = SigV4Verifier.Parse(request);
        Assert.Equal((TestCredentials.AccessKey, "20261206", "eu-west-1", "scheduler"),
            (authorization.AccessKey, authorization.Date, authorization.Region, authorization.Service));
        Assert.Equal("20261206T091500Z", request.Header("X-Amz-Date"));
        SigV4Verifier.AssertVerifies(request, TestCredentials.SecretKey);
    }

    private EventBridgeSchedules Schedules(AwsJsonClient? client = null) => new(client ?? Client(), new OneTimeSchedulesOptions(Group));

    private AwsJsonClient Client() =>
        new(new AwsJsonClientOptions(AwsJsonService.Scheduler, TestCredentials.Region, _server.Url), _server.Http, TestCredentials.Basic, new FakeTimeProvider(Now));
}
