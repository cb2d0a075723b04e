using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Objects;

/// <summary>Reads and writes the metadata of an object held as JSON, the form the server stores.</summary>
internal static class ObjectFields
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? String(this JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A whole number however it was built: parsed from text, or set from an int or a long.</summary>
    public static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => null,
    };

    public static string Name(this JsonObject obj) => (obj["metadata"] as JsonObject)?.String("name") ?? "";

    public static string Namespace(this JsonObject obj) => (obj["metadata"] as JsonObject)?.String("namespace") ?? "";

    public static string ResourceVersion(this JsonObject obj) => (obj["metadata"] as JsonObject)?.String("resourceVersion") ?? "";

    public static string Uid(this JsonObject obj) => (obj["metadata"] as JsonObject)?.String("uid") ?? "";

    public static bool IsDeleting(this JsonObject obj) => (obj["metadata"] as JsonObject)?["deletionTimestamp"] is not null;

    public static IReadOnlyDictionary<string, string> Labels(this JsonObject obj) => StringMap(obj.Metadata()["labels"]);

    public static IReadOnlyList<string> Finalizers(this JsonObject obj) =>
        (obj.Metadata()["finalizers"] as JsonArray)?.Select(f => f?.ToString() ?? "").ToList() ?? [];

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node)
    {
        if (node is not JsonObject map)
        {
            return new Dictionary<string, string>();
        }

        return map.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => $"{p.Value}");
    }

    /// <summary>Everything but metadata and status: a change here is a change of spec and bumps the generation.</summary>
    public static bool SpecEquals(JsonObject a, JsonObject b)
    {
        var keys = a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(k => k is not ("metadata" or "status" or "apiVersion" or "kind"));
        return keys.All(k => JsonNode.DeepEquals(a[k], b[k]));
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
