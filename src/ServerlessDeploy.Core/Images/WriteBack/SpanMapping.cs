namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>A mapping; <see cref="SpanNode.Column"/> of a block mapping is the column of its keys.</summary>
internal sealed record SpanMapping(IReadOnlyList<SpanEntry> Entries, bool Flow, int Start, int End, int ContentEnd, int Line, int Column)
    : SpanNode(Start, End, ContentEnd, Line, Column)
{
    public SpanEntry? Find(string key) => Entries.FirstOrDefault(e => e.HasKey(key));
}
