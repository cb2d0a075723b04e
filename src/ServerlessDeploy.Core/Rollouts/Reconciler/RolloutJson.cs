using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>Lenient reads of Kubernetes JSON as Go's decoder would leave them: absent or mistyped is the zero value.</summary>
internal static class RolloutJson
{
    public static string Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : "";

    /// <summary>A whole JSON number, however it was made (YAML reads integers as long, JSON as an element, we write int).</summary>
    public static long? Long(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static int? Int(JsonNode? node) => Long(node) is { } number and >= int.MinValue and <= int.MaxValue ? (int)number : null;

    public static bool Bool(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    public static DateTimeOffset? Time(JsonNode? node) =>
        GoTime.TryParse(Text(node), out var time) ? time : null;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string map (labels, annotations, selector) as key → value; non-string values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonNode? node) =>
        (node as JsonObject ?? [])
            .Where(pair => pair.Value?.GetValueKind() == JsonValueKind.String)
            .ToDictionary(pair => pair.Key, pair => Text(pair.Value), StringComparer.Ordinal);
}
