namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>A sequence; <see cref="SpanNode.Column"/> of a block sequence is the column of its dashes.</summary>
internal sealed record SpanSequence(IReadOnlyList<SpanNode> Items, bool Flow, int Start, int End, int ContentEnd, int Line, int Column)
    : SpanNode(Start, End, ContentEnd, Line, Column);
