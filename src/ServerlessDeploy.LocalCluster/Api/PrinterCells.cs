using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>
/// A printer column's cell for one object, as kube-apiserver's CRD table convertor makes it: null when the path finds
/// nothing (kubectl shows &lt;none&gt;) or the value does not fit the column's type.
/// </summary>
internal static class PrinterCells
{
    public static JsonNode? Of(PrinterColumn column, JsonObject obj, DateTimeOffset now)
    {
        if (SimpleJsonPath.Parse(column.JsonPath)?.Read(obj) is not { } value || value.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        return column.Type switch
        {
            // A string column prints whatever is there, objects and lists as compact JSON (as jsonpath prints them).
            "string" => value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString(),
            "integer" => ObjectFields.Long(value) ?? (Double(value) is { } d ? (long)d : null),
            "number" => Double(value),
            "boolean" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.DeepClone() : null,
            "date" => value is JsonValue date && date.TryGetValue<string>(out var time) ? DateCell(time, now) : null,
            _ => null,
        };
    }

    private static double? Double(JsonNode value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string DateCell(string time, DateTimeOffset now) =>
        DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, out _) ? Tables.Age(time, now) : "<invalid>";
}
