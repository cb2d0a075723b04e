namespace ServerlessDeploy.Git;

/// <summary>One file to write in a commit: a path relative to the repository root ("/" separated) and its new UTF-8 text.</summary>
public sealed record FileEdit(string Path, string Content);
