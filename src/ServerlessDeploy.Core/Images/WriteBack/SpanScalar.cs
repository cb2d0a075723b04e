using YamlDotNet.Core;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>A scalar; its span covers the value with its quotes, not its anchor or tag.</summary>
internal sealed record SpanScalar(string Value, ScalarStyle Style, int Start, int End, int ContentEnd, int Line, int Column)
    : SpanNode(Start, End, ContentEnd, Line, Column)
{
    /// <summary>An empty plain scalar: a key written with no value (`tag:`).</summary>
    public bool IsEmpty => Style == ScalarStyle.Plain && Value.Length == 0;
}
