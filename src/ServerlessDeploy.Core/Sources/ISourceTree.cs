namespace ServerlessDeploy.Core.Sources;

/// <summary>
/// The files of one revision of a source. Renderers (helm, kustomize) run on <see cref="Root"/>; everything else reads
/// through the methods here, with paths relative to the root and "/" separated.
/// </summary>
public interface ISourceTree
{
    /// <summary>The folder holding the files; shared between readers, so treated as read-only.</summary>
    string Root { get; }

    /// <summary>The revision checked out: a commit sha, an artifact's label, or empty for a plain folder.</summary>
    string Revision { get; }

    /// <summary>The source as its Applications name it, without any credentials.</summary>
    string RepoUrl { get; }

    /// <summary>True when <paramref name="path"/> is a file of the tree.</summary>
    bool FileExists(string path);

    /// <summary>Every file under <paramref name="directory"/> (recursively), sorted ordinally; empty when there is no such folder.</summary>
    IReadOnlyList<string> FilesUnder(string directory);

    /// <summary>The UTF-8 text of the file at <paramref name="path"/>.</summary>
    Task<string> ReadTextAsync(string path, CancellationToken cancellationToken);
}
