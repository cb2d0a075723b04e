namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>An alias (`*name`); never edited, since the value it stands for lives elsewhere.</summary>
internal sealed record SpanAlias(int Start, int End, int Line, int Column) : SpanNode(Start, End, End, Line, Column);
