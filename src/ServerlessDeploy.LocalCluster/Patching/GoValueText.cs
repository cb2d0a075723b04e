using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// Writes a JSON value as Go's "%v" prints the decoded value (map[k:v] with sorted keys, [a b], &lt;nil&gt;),
/// so that error messages read as kube-apiserver's do.
/// </summary>
internal static class GoValueText
{
    public static string Of(JsonNode? node) => node switch
    {
        null => "<nil>",
        JsonObject map => "map[" + string.Join(' ', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Of(p.Value)}")) + "]",
        JsonArray list => "[" + string.Join(' ', list.Select(Of)) + "]",
        JsonValue value => Scalar(value),
        _ => node.ToJsonString(),
    };

    /// <summary>The Go type a decoded JSON value has, as encoding/json names it in its errors.</summary>
    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    /// <summary>The Go type a decoded JSON value has, as the mergepatch errors print it.</summary>
    public static string TypeOf(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Object => "map[string]interface {}",
        JsonValueKind.Array => "[]interface {}",
        JsonValueKind.String => "string",
        JsonValueKind.Number => node.AsValue().TryGetValue<long>(out _) ? "int64" : "float64",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "<nil>",
    };

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number when value.TryGetValue<double>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
