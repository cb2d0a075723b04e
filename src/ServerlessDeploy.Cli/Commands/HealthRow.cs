using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Cli.Commands;

/// <summary>One line of `sdeploy health`: which object, and its health (null when its kind has none of its own).</summary>
internal sealed record HealthRow(string Kind, string? Namespace, string Name, HealthResult? Health)
{
    /// <summary>The row for a live object, or the problem that keeps it from having one.</summary>
    public static (HealthRow? Row, string? Problem) Of(JsonObject live)
    {
        var kind = Text(live["kind"]);
        var metadata = live["metadata"] as JsonObject;
        var name = Text(metadata?["name"]);
        if (string.IsNullOrEmpty(kind))
        {
            return (null, "has no kind");
        }

        if (string.IsNullOrEmpty(name))
        {
            return (null, $"({kind}) has no metadata.name");
        }

        return (new HealthRow(kind, Text(metadata?["namespace"]), name, HealthAssessment.Of(live)), null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
