using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// A live object's fields read as the typed models read them, for rules whose object has passed <see cref="ShapeCheck"/>:
/// absent and null are both null, and a value of another kind (which the check has ruled out) reads as null too.
/// </summary>
internal static class LiveFields
{
    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A 32-bit integer field, as the models type replica counts: their arithmetic wraps as it did.</summary>
    public static int? Int(JsonNode? node) =>
        IsNumber(node) && int.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A 64-bit integer field, as the models type generations.</summary>
    public static long? Long(JsonNode? node) =>
        IsNumber(node) && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    /// <summary>The objects of an array field; null elements, which would have been null models, are skipped.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    private static bool IsNumber([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;
}
