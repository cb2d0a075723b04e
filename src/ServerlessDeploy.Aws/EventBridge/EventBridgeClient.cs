using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.Json;

namespace ServerlessDeploy.Aws.EventBridge;

/// <summary>EventBridge PutEvents over <see cref="AwsJsonClient"/>; stands in for AWSSDK.EventBridge's AmazonEventBridgeClient.</summary>
public sealed class EventBridgeClient
{
    /// <summary>PutEvents accepts at most this many entries per call; longer lists are sent in batches.</summary>
    public const int MaxEntriesPerCall = 10;

    private const string PutEventsTarget = "AWSEvents.PutEvents";

    private readonly AwsJsonClient _client;

    public EventBridgeClient(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Puts the events and returns their event ids; throws <see cref="PutEventsFailedException"/> when any entry is refused.</summary>
    internal async Task<IReadOnlyList<string>> PutEventsAsync(IReadOnlyList<EventBridgeEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new List<string>(entries.Count);
        var failed = new List<FailedEventEntry>();
        foreach (var (batch, offset) in entries.Chunk(MaxEntriesPerCall).Select((b, i) => (b, i * MaxEntriesPerCall)))
        {
            var answer = await _client.CallAsync(PutEventsTarget, Request(batch), cancellationToken);
            var results = answer["Entries"]?.AsArray() ?? [];
            for (var i = 0; i < batch.Length; i++)
            {
                var result = i < results.Count ? results[i] : null;
                if (result?["EventId"]?.GetValue<string>() is { } id && result["ErrorCode"] is null)
                {
                    ids.Add(id);
                }
                else
                {
                    failed.Add(new FailedEventEntry(offset + i, batch[i].DetailType,
                        result?["ErrorCode"]?.GetValue<string>() ?? "NoResult",
                        result?["ErrorMessage"]?.GetValue<string>() ?? "EventBridge returned no result for this entry"));
                }
            }
        }

        return failed.Count > 0 ? throw new PutEventsFailedException(failed) : ids;
    }

    private static JsonObject Request(IEnumerable<EventBridgeEntry> entries) => new()
    {
        ["Entries"] = new JsonArray(entries.Select(Entry).ToArray<JsonNode?>()),
    };

    private static JsonObject Entry(EventBridgeEntry entry)
    {
        var json = new JsonObject
        {
            ["Source"] = entry.Source,
            ["DetailType"] = entry.DetailType,
            ["Detail"] = entry.Detail,
            ["EventBusName"] = entry.EventBusName,
        };
        if (entry.Time is { } time)
        {
            // The JSON protocol sends timestamps as epoch seconds.
            json["Time"] = JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000m);
        }

        return json;
    }
}
