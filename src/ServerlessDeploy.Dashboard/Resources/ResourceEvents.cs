using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// The v1 Events whose involvedObject is one resource, newest first. Events of a cluster-scoped object live in the default
/// namespace, as the API server records them.
/// </summary>
public sealed class ResourceEvents(ILiveResources live)
{
    public async Task<(IReadOnlyList<ResourceEvent> Events, string? Unreachable)> ReadAsync(Application app, ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var listed = await live.ListAsync(app, "", "Event", key.Namespace.Length == 0 ? "default" : key.Namespace, cancellationToken);
        var events = listed.Items.Where(e => About(e, key)).Select(Read).OrderByDescending(e => e.LastSeen, StringComparer.Ordinal).ToList();
        return (events, listed.Unreachable);
    }

    private static bool About(JsonObject item, ResourceKey key) =>
        item["involvedObject"] is JsonObject involved
        && Text(involved["kind"]) == key.Kind
        && Text(involved["name"]) == key.Name
        && (Text(involved["namespace"]) ?? "") == key.Namespace
        && (Text(involved["apiVersion"]) is not { } apiVersion || GroupOf(apiVersion) == key.Group);

    private static ResourceEvent Read(JsonObject item) => new(
        Text(item["type"]) ?? "",
        Text(item["reason"]) ?? "",
        Text(item["message"]) ?? "",
        item["count"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : 1,
        Text(item["lastTimestamp"]) ?? Text(item["eventTime"]) ?? Text(item["metadata"]?["creationTimestamp"]),
        Text(item["source"]?["component"]) ?? Text(item["reportingComponent"]));

    private static string GroupOf(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
