using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Sets dotted key paths (`image.tag`; a dot inside a key escaped as `\.`, as in Helm's --set) in a Helm values file,
/// in place, keeping comments and formatting; missing keys and maps are added at the end of their parent.
/// </summary>
public static partial class HelmValuesEdit
{
    private const string Source = "Helm values file";

    /// <summary>The new text; <paramref name="text"/> is null when the file does not exist yet.</summary>
    /// <exception cref="FormatException">Invalid YAML, or a path through something other than a map; names the line.</exception>
    public static string Apply(string? text, IReadOnlyList<(string KeyPath, string Value)> values) =>
        values.Aggregate(text ?? "", (current, v) => Set(current, KeyPath(v.KeyPath), v.Value));

    private static string Set(string text, IReadOnlyList<string> path, string value)
    {
        var documents = SpanTree.Parse(text, Source);
        var layout = YamlLayout.Of(text, documents);
        return (documents.Count > 0 ? documents[0] : null) switch
        {
            null or SpanScalar { IsEmpty: true } => BlockMappingEdit.InsertLines(text, text.Length, layout.KeyLines(path, value, 0), layout),
            SpanMapping { Flow: false } root => BlockMappingEdit.Set(text, root, path, value, layout, Source),
            var other => throw new FormatException($"{Source}: line {other.Line}: the top level is not a block map"),
        };
    }

    private static List<string> KeyPath(string keyPath) =>
        UnescapedDot().Split(keyPath).Select(key => key.Replace("\\.", ".", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"(?<!\\)\.")]
    private static partial Regex UnescapedDot();
}
