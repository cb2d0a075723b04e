using YamlDotNet.Core;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Sets a value at a key path inside a block mapping by splicing: an existing value is replaced where it stands;
/// missing keys are added as lines after the last line of their parent map, indented like its keys.
/// </summary>
internal static class BlockMappingEdit
{
    public static string Set(string text, SpanMapping mapping, IReadOnlyList<string> path, string value, YamlLayout layout, string source)
    {
        var entry = mapping.Find(path[0]);
        if (entry is null)
        {
            return InsertLines(text, mapping.ContentEnd, layout.KeyLines(path, value, mapping.Column), layout);
        }

        return (path.Count, entry.Value) switch
        {
            (1, SpanScalar { IsEmpty: true }) => Splice(text, ColonAfter(text, entry.Key), ColonAfter(text, entry.Key), " " + ScalarText.Render(value, ScalarStyle.Plain)),
            (1, SpanScalar { Style: not (ScalarStyle.Literal or ScalarStyle.Folded) } scalar) => Splice(text, scalar.Start, scalar.End, ScalarText.Render(value, scalar.Style)),
            (> 1, SpanMapping { Flow: false } child) => Set(text, child, path.Skip(1).ToList(), value, layout, source),
            (> 1, SpanScalar { IsEmpty: true }) => InsertLines(text, ColonAfter(text, entry.Key), layout.KeyLines(path.Skip(1).ToList(), value, mapping.Column + layout.Indent), layout),
            _ => throw new FormatException($"{source}: line {entry.Value.Line}: cannot set '{string.Join('.', path)}' in place: '{path[0]}' holds {Describe(entry.Value)}"),
        };
    }

    /// <summary>Adds whole lines after the line holding <paramref name="after"/> (at the end of the text when it is the last line).</summary>
    public static string InsertLines(string text, int after, IEnumerable<string> lines, YamlLayout layout)
    {
        var lineEnd = after > 0 && text[after - 1] == '\n' ? after - 1 : text.IndexOf('\n', after);
        var at = lineEnd < 0 ? text.Length : lineEnd + 1;
        var lead = at == text.Length && text.Length > 0 && !text.EndsWith('\n') ? layout.NewLine : "";
        return Splice(text, at, at, lead + string.Concat(lines.Select(line => line + layout.NewLine)));
    }

    private static int ColonAfter(string text, SpanNode key) => text.IndexOf(':', key.End) + 1;

    private static string Splice(string text, int start, int end, string replacement) =>
        text.AsSpan(start, end - start).SequenceEqual(replacement) ? text : TextEdit.ApplyAll(text, [new TextEdit(start, end, replacement)]);

    private static string Describe(SpanNode node) => node switch
    {
        SpanMapping { Flow: true } => "a flow map",
        SpanMapping => "a map",
        SpanSequence => "a list",
        SpanAlias => "an alias",
        SpanScalar { Style: ScalarStyle.Literal or ScalarStyle.Folded } => "a block scalar",
        _ => "a value",
    };
}
