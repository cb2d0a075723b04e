using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>The meta.k8s.io Table form that `kubectl get` asks for: name and age, with the object's metadata per row.</summary>
internal static class Tables
{
    public static bool Wanted(string? accept) => accept?.Contains("as=Table", StringComparison.Ordinal) ?? false;

    public static JsonObject Of(IEnumerable<JsonObject> objects, string resourceVersion, DateTimeOffset now, string? continueToken = null) => new()
    {
        ["kind"] = "Table",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion, ["continue"] = continueToken },
        ["columnDefinitions"] = new JsonArray(
            Column("Name", "name", "Name must be unique within a namespace."),
            Column("Age", "", "CreationTimestamp is a timestamp representing the server time when this object was created.")),
        ["rows"] = new JsonArray(objects.Select(o => (JsonNode)Row(o, now)).ToArray()),
    };

    private static JsonObject Column(string name, string format, string description) => new()
    {
        ["name"] = name,
        ["type"] = "string",
        ["format"] = format,
        ["description"] = description,
        ["priority"] = 0,
    };

    private static JsonObject Row(JsonObject obj, DateTimeOffset now) => new()
    {
        ["cells"] = new JsonArray(obj.Name(), Age(obj, now)),
        ["object"] = new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = obj.Metadata().DeepClone(),
        },
    };

    /// <summary>Ages as kubectl shows them: 45s, 3m12s, 10m, 5h, 3d.</summary>
    private static string Age(JsonObject obj, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(obj.Metadata().String("creationTimestamp"), CultureInfo.InvariantCulture, out var created))
        {
            return "<unknown>";
        }

        var age = now - created;
        return age.TotalSeconds < 120 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalMinutes < 10 ? $"{(int)age.TotalMinutes}m{age.Seconds}s"
            : age.TotalHours < 3 ? $"{(int)age.TotalMinutes}m"
            : age.TotalDays < 2 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
