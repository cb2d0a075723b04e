using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>An object's API group, version and kind, read from apiVersion and kind ("" for what is missing).</summary>
internal readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    public static GroupVersionKind Of(JsonObject live)
    {
        var apiVersion = Text(live["apiVersion"]);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new("", apiVersion, Text(live["kind"])) : new(apiVersion[..slash], apiVersion[(slash + 1)..], Text(live["kind"]));
    }

    /// <summary>A string field's value, or "" when it is absent or not a string.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
