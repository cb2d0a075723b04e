using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>
/// Field paths in managedFields' FieldsV1 vocabulary, one string per path: segments such as "f:spec",
/// "k:{\"name\":\"web\"}", "v:\"a\"" and "." (the list item itself), joined by a separator no key contains.
/// </summary>
internal static class FieldPaths
{
    public const char Separator = '\u001f';
    public const string Self = ".";

    public static string Child(string prefix, string segment) => prefix.Length == 0 ? segment : prefix + Separator + segment;

    public static string[] Segments(string path) => path.Split(Separator);

    /// <summary>The key segment of a list-map item: its key fields in declared order, as compact JSON.</summary>
    public static string? KeyOf(JsonObject item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys)
        {
            var value = item[name] ?? DefaultKey(name);
            if (value is null)
            {
                continue;
            }

            key[name] = value.DeepClone();
        }

        return key.Count == 0 ? null : "k:" + key.ToJsonString();
    }

    /// <summary>The key object of a "k:{…}" segment, as <see cref="KeyOf"/> writes it.</summary>
    public static JsonObject KeyObject(string segment) =>
        JsonNode.Parse(segment[2..]) as JsonObject ?? throw new InvalidOperationException($"the key segment {segment} does not hold a JSON object");

    /// <summary>How a conflict names a path: .spec.template.spec.containers[name="web"].image</summary>
    public static string Describe(string path)
    {
        var text = new StringBuilder();
        foreach (var segment in Segments(path))
        {
            if (segment.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(segment[2..]);
            }
            else if (segment.StartsWith("k:", StringComparison.Ordinal))
            {
                var key = KeyObject(segment);
                text.Append('[').Append(string.Join(',', key.Select(p => $"{p.Key}={p.Value?.ToJsonString()}"))).Append(']');
            }
            else if (segment.StartsWith("v:", StringComparison.Ordinal))
            {
                text.Append('[').Append(segment[2..]).Append(']');
            }
        }

        return text.ToString();
    }

    // Port lists key on protocol too, which the API server defaults to TCP before apply compares keys.
    private static JsonValue? DefaultKey(string name) => name == "protocol" ? JsonValue.Create("TCP") : null;
}
