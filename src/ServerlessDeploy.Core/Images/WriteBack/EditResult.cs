namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>A file's new text and what changed in it; no changes means the text is the input, unchanged.</summary>
public sealed record EditResult(string Text, IReadOnlyList<ImageChange> Changes);
