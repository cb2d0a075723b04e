using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>
/// The meta.k8s.io Table form that `kubectl get` asks for, with the object's metadata per row: name and age,
/// or for a custom resource whose CRD declares printer columns, name and those columns.
/// </summary>
internal static class Tables
{
    public static bool Wanted(string? accept) => accept?.Contains("as=Table", StringComparison.Ordinal) ?? false;

    public static JsonObject Of(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion, DateTimeOffset now, string? continueToken = null)
    {
        var columns = type.PrinterColumns;
        var definitions = columns.Count == 0
            ? new JsonArray(NameColumn(), Column("Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0))
            : new JsonArray([NameColumn(), .. columns.Select(c => Column(c.Name, c.Type, c.Format, c.Description, c.Priority))]);
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion, ["continue"] = continueToken },
            ["columnDefinitions"] = definitions,
            ["rows"] = new JsonArray(objects.Select(o => (JsonNode)Row(o, Cells(columns, o, now))).ToArray()),
        };
    }

    /// <summary>Ages as kubectl shows them: 45s, 3m12s, 10m, 5h, 3d; "&lt;unknown&gt;" for a time that does not parse.</summary>
    public static string Age(string? timestamp, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, out var created))
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

    private static JsonNode?[] Cells(IReadOnlyList<PrinterColumn> columns, JsonObject obj, DateTimeOffset now) =>
        columns.Count == 0
            ? [obj.Name(), Age(obj.Metadata().String("creationTimestamp"), now)]
            : [obj.Name(), .. columns.Select(c => PrinterCells.Of(c, obj, now))];

    private static JsonObject NameColumn() => Column("Name", "string", "name", "Name must be unique within a namespace.", 0);

    private static JsonObject Column(string name, string type, string format, string description, int priority) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["format"] = format,
        ["description"] = description,
        ["priority"] = priority,
    };

    private static JsonObject Row(JsonObject obj, JsonNode?[] cells) => new()
    {
        ["cells"] = new JsonArray(cells),
        ["object"] = new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = obj.Metadata().DeepClone(),
        },
    };
}
