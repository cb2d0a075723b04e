using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Cli.Commands;

/// <summary>
/// One line of `sdeploy health`: which object (its name null when it has none, as a manifest with generateName may
/// not), and its health (null when its kind has none of its own).
/// </summary>
internal sealed record HealthRow(string Kind, string? Namespace, string? Name, HealthResult? Health)
{
    /// <summary>The row for a live object, or the problem that keeps it from having one (no kind).</summary>
    public static (HealthRow? Row, string? Problem) Of(JsonObject live)
    {
        var kind = Text(live["kind"]);
        var metadata = live["metadata"] as JsonObject;
        if (string.IsNullOrEmpty(kind))
        {
            return (null, "has no kind");
        }

        return (new HealthRow(kind, Text(metadata?["namespace"]), Text(metadata?["name"]) is { Length: > 0 } name ? name : null, HealthAssessment.Of(live)), null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
