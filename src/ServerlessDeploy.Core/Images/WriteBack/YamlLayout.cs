namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>How a file writes its lines: its line ending and the indent of a nested map, so added lines look like the rest.</summary>
internal sealed record YamlLayout(string NewLine, int Indent)
{
    private const int DefaultIndent = 2;

    public static YamlLayout Of(string text, IEnumerable<SpanNode> documents) =>
        new(text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", documents.Select(NestedIndent).FirstOrDefault(i => i > 0, DefaultIndent));

    /// <summary>The key lines for <paramref name="path"/>, each a map inside the one before, the last holding <paramref name="value"/>.</summary>
    public IEnumerable<string> KeyLines(IReadOnlyList<string> path, string value, int column) =>
        path.Select((key, i) => new string(' ', column + (i * Indent)) + ScalarText.Render(key, YamlDotNet.Core.ScalarStyle.Plain) + ":"
            + (i == path.Count - 1 ? " " + ScalarText.Render(value, YamlDotNet.Core.ScalarStyle.Plain) : ""));

    private static int NestedIndent(SpanNode node) => node switch
    {
        SpanMapping { Flow: false } mapping => mapping.Entries
            .Select(e => e.Value is SpanMapping { Flow: false } child && child.Line > mapping.Line ? child.Column - mapping.Column : NestedIndent(e.Value))
            .FirstOrDefault(i => i > 0),
        SpanSequence sequence => sequence.Items.Select(NestedIndent).FirstOrDefault(i => i > 0),
        _ => 0,
    };
}
