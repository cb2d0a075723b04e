namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// A YAML node with where it sits in the text: <see cref="Start"/> and <see cref="End"/> are character offsets,
/// <see cref="ContentEnd"/> the end of its last character of content (for a block collection, its last child's end,
/// before any trailing comments), <see cref="Line"/> 1-based and <see cref="Column"/> 0-based.
/// </summary>
internal abstract record SpanNode(int Start, int End, int ContentEnd, int Line, int Column);
