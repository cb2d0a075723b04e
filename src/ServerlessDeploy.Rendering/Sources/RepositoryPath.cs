namespace ServerlessDeploy.Rendering.Sources;

/// <summary>
/// Resolves paths inside a repository and refuses any that leave it: by "..", by an absolute path, or through a
/// symbolic link pointing outside. A manifest source must never read the deployer's own files.
/// </summary>
internal static class RepositoryPath
{
    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; throws <see cref="RenderFailure"/> when it leaves it.</summary>
    public static string Resolve(string root, string relative, string what, string? shown = null)
    {
        shown ??= relative;
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (!IsInside(fullRoot, full))
        {
            throw new RenderFailure($"{what} \"{shown}\" leaves the repository");
        }

        CheckLinks(fullRoot, full, shown, what);
        return full;
    }

    /// <summary>Refuses a folder when any file or folder below it is a link that points outside the repository.</summary>
    public static void CheckTree(string root, string folder, string what)
    {
        var fullRoot = Path.GetFullPath(root);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null && !IsInside(fullRoot, Target(entry)))
            {
                throw new RenderFailure($"{what}: \"{Path.GetRelativePath(fullRoot, entry.FullName)}\" is a link that leaves the repository");
            }
        }
    }

    private static void CheckLinks(string root, string full, string relative, string what)
    {
        for (string? path = full; path is not null && path.Length > root.Length; path = Path.GetDirectoryName(path))
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.Exists && info.LinkTarget is not null && !IsInside(root, Target(info)))
            {
                throw new RenderFailure($"{what} \"{relative}\" goes through a link that leaves the repository");
            }
        }
    }

    private static string Target(FileSystemInfo link) => link.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? link.FullName;

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
