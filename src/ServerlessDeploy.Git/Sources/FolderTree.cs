using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Git.Sources;

/// <summary>A source tree that is a folder on disk: a materialised commit, an unpacked artifact, or a plain local folder.</summary>
public sealed class FolderTree(string root, string revision, string repoUrl) : ISourceTree
{
    public string Root => root;

    public string Revision => revision;

    public string RepoUrl => repoUrl;

    public bool FileExists(string path) => File.Exists(Path.Combine(root, path));

    public IReadOnlyList<string> FilesUnder(string directory)
    {
        var folder = Path.Combine(root, directory);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)]
            : [];
    }

    public Task<string> ReadTextAsync(string path, CancellationToken cancellationToken) => File.ReadAllTextAsync(Path.Combine(root, path), cancellationToken);
}
