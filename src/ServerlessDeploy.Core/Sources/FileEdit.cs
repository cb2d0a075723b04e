namespace ServerlessDeploy.Core.Sources;

/// <summary>
/// One file to write in a commit: a path relative to the repository root ("/" separated) and how its new UTF-8 text is
/// made from the text it has at the branch head (null when the file does not exist there). A rewrite that depends on
/// the current text is applied again on the new head when a push is retried, so a concurrent change is kept.
/// </summary>
public sealed class FileEdit
{
    public FileEdit(string path, Func<string?, string> rewrite)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rewrite);
        Path = path;
        Rewrite = rewrite;
    }

    /// <summary>An edit that writes <paramref name="content"/> whatever the file held.</summary>
    public FileEdit(string path, string content)
        : this(path, _ => content)
    {
    }

    public string Path { get; }

    public Func<string?, string> Rewrite { get; }
}
