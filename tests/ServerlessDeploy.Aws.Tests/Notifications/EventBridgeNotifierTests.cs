using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Notifications;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Notifications;

public sealed class EventBridgeNotifierTests : IAsyncLifetime
{
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(NotificationKind.SyncSucceeded, "Sync Succeeded")]
    [InlineData(NotificationKind.SyncFailed, "Sync Failed")]
    [InlineData(NotificationKind.HealthDegraded, "Health Degraded")]
    public async Task Each_sync_becomes_one_event_with_its_detail_type_source_and_detail(NotificationKind kind, string detailType)
    {
        _server.Answer(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}""");
        var notification = new SyncNotification(kind, "guestbook", "0123456789abcdef0123456789abcdef01234567",
            ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/guestbook:1.4.2"], "Healthy", "synced 3 resources",
            new DateTimeOffset(2026, 11, 23, 13, 0, 1, 250, TimeSpan.FromHours(1)));

        await Notifier("deploys").NotifyAsync(notification, CancellationToken.None);

        var entry = Assert.Single(Assert.Single(_server.Requests).Json["Entries"]!.AsArray())!;
        Assert.Equal("serverless-deploy", entry["Source"]!.GetValue<string>());
        Assert.Equal(detailType, entry["DetailType"]!.GetValue<string>());
        Assert.Equal("deploys", entry["EventBusName"]!.GetValue<string>());
        var expectedDetail = JsonNode.Parse("""
            {"app":"guestbook","revision":"0123456789abcdef0123456789abcdef01234567",
             "images":["123456789012.dkr.ecr.eu-west-1.amazonaws.com/guestbook:1.4.2"],
             "health":"Healthy","message":"synced 3 resources","finishedAt":"2026-11-23T12:00:01.250Z"}
            """);
        Assert.True(JsonNode.DeepEquals(expectedDetail, JsonNode.Parse(entry["Detail"]!.GetValue<string>())), entry["Detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(NotificationKind.RolloutStepCompleted, "Rollout Step Completed")]
    [InlineData(NotificationKind.RolloutWeightChanged, "Rollout Weight Changed")]
    [InlineData(NotificationKind.RolloutPaused, "Rollout Paused")]
    [InlineData(NotificationKind.RolloutResumed, "Rollout Resumed")]
    [InlineData(NotificationKind.RolloutPromoted, "Rollout Promoted")]
    [InlineData(NotificationKind.RolloutAborted, "Rollout Aborted")]
    [InlineData(NotificationKind.RolloutRetried, "Rollout Retried")]
    [InlineData(NotificationKind.RolloutStepsSkipped, "Rollout Steps Skipped")]
    public async Task Each_rollout_transition_becomes_one_event_whose_detail_names_the_rollout_its_step_and_weights(NotificationKind kind, string detailType)
    {
        _server.Answer(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}""");
        var notification = new SyncNotification(kind, "guestbook", "0123456789abcdef0123456789abcdef01234567", [], "Suspended", "canary weight 25 → 50",
            new DateTimeOffset(2026, 11, 23, 12, 0, 1, 250, TimeSpan.Zero)) { Rollout = new RolloutNotice("shop", "web", 2, 4, 25, 50) };

        await Notifier("deploys").NotifyAsync(notification, CancellationToken.None);

        var entry = Assert.Single(Assert.Single(_server.Requests).Json["Entries"]!.AsArray())!;
        Assert.Equal(detailType, entry["DetailType"]!.GetValue<string>());
        var expectedDetail = JsonNode.Parse("""
            {"app":"guestbook","revision":"0123456789abcdef0123456789abcdef01234567","images":[],
             "health":"Suspended","message":"canary weight 25 → 50","finishedAt":"2026-11-23T12:00:01.250Z",
             "rollout":{"namespace":"shop","name":"web","stepIndex":2,"stepCount":4,"previousWeight":25,"weight":50}}
            """);
        Assert.True(JsonNode.DeepEquals(expectedDetail, JsonNode.Parse(entry["Detail"]!.GetValue<string>())), entry["Detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_default_bus_is_used_unless_another_is_configured()
    {
        _server.Answer(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}""");
        await new EventBridgeNotifier(Client()).NotifyAsync(
            new SyncNotification(NotificationKind.SyncFailed, "a", "v1", [], "Degraded", "boom", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal("default", _server.Requests[0].Json["Entries"]![0]!["EventBusName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_event_fails_the_notification()
    {
        _server.Answer(200, """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"AccessDeniedException","ErrorMessage":"not allowed on bus"}]}""");
        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Notifier("deploys").NotifyAsync(
            new SyncNotification(NotificationKind.SyncFailed, "a", "v1", [], "Degraded", "boom", DateTimeOffset.UnixEpoch), CancellationToken.None));
        Assert.Contains("AccessDeniedException", error.Message, StringComparison.Ordinal);
    }

    private EventBridgeNotifier Notifier(string bus) => new(Client(), new EventBridgeNotifierOptions(bus));

    private EventBridgeClient Client() =>
        new(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.EventBridge, TestCredentials.Region, _server.Url), _server.Http, TestCredentials.Basic));
}
