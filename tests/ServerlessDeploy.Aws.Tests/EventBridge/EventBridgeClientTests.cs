using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.EventBridge;

public sealed class EventBridgeClientTests : IAsyncLifetime
{
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Entries_are_sent_as_put_events_and_their_ids_returned()
    {
        _server.Answer(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"id-1"},{"EventId":"id-2"}]}""");
        var ids = await Client().PutEventsAsync(
            [new("app", "One", """{"a":1}""", "bus-a", new DateTimeOffset(2026, 11, 23, 12, 0, 0, 500, TimeSpan.Zero)), new("app", "Two", "{}")],
            CancellationToken.None);

        Assert.Equal(["id-1", "id-2"], ids);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("AWSEvents.PutEvents", request.Header("X-Amz-Target"));
        var expected = JsonNode.Parse("""
            {"Entries":[
              {"Source":"app","DetailType":"One","Detail":"{\"a\":1}","EventBusName":"bus-a","Time":1795435200.5},
              {"Source":"app","DetailType":"Two","Detail":"{}","EventBusName":"default"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.BodyText);
    }

    [Fact]
    public async Task A_refused_entry_fails_the_call_naming_its_error()
    {
        _server.Answer(200, """
            {"FailedEntryCount":1,"Entries":[{"EventId":"id-1"},{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}]}
            """);

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client().PutEventsAsync(
            [new("app", "Fine", "{}"), new("app", "Broken", "{")], CancellationToken.None));

        var failed = Assert.Single(error.Failed);
        Assert.Equal(new FailedEventEntry(1, "Broken", "MalformedDetail", "Detail is malformed."), failed);
        Assert.Contains("entry 1 (Broken): MalformedDetail: Detail is malformed.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_ten_entries_are_sent_in_batches_of_ten()
    {
        _server.Answer(200, Answer(10)).Answer(200, Answer(2));
        var entries = Enumerable.Range(0, 12).Select(i => new EventBridgeEntry("app", $"E{i}", "{}")).ToList();

        var ids = await Client().PutEventsAsync(entries, CancellationToken.None);

        Assert.Equal(12, ids.Count);
        Assert.Equal([10, 2], _server.Requests.Select(r => r.Json["Entries"]!.AsArray().Count));
        Assert.Equal("E10", _server.Requests[1].Json["Entries"]![0]!["DetailType"]!.GetValue<string>());
    }

    private static string Answer(int count) =>
        new JsonObject
        {
            ["FailedEntryCount"] = 0,
            ["Entries"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)new JsonObject { ["EventId"] = $"id-{i}" }).ToArray()),
        }.ToJsonString();

    private EventBridgeClient Client() =>
        new(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.EventBridge, TestCredentials.Region, _server.Url), _server.Http, TestCredentials.Basic));
}
