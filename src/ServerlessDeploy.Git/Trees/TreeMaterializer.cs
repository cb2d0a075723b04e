using LibGit2Sharp;

namespace ServerlessDeploy.Git.Trees;

/// <summary>
/// Writes a commit's tree to <c>&lt;cache&gt;/trees/&lt;sha&gt;/</c> once: files with their executable bit, symbolic links
/// as links (the renderer refuses those that leave the repository), submodules left out. The tree is written to a
/// private folder and renamed into place, so a reader never sees half a tree; a folder that exists is complete and
/// is reused as it is.
/// </summary>
internal sealed class TreeMaterializer(string cacheDirectory)
{
    private const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public string PathOf(string sha) => Path.Combine(cacheDirectory, "trees", sha);

    /// <summary>The folder holding commit <paramref name="sha"/>'s files, written from <paramref name="mirrorPath"/> when missing.</summary>
    public Task<string> MaterializeAsync(string mirrorPath, string sha, CancellationToken cancellationToken)
    {
        var final = PathOf(sha);
        return Directory.Exists(final)
            ? Task.FromResult(final)
            : Task.Run(() => Materialize(mirrorPath, sha, final, cancellationToken), cancellationToken);
    }

    private static string Materialize(string mirrorPath, string sha, string final, CancellationToken cancellationToken)
    {
        var partial = $"{Path.GetDirectoryName(final)}{Path.DirectorySeparatorChar}.partial-{sha}-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(partial);
            using (var mirror = new Repository(mirrorPath))
            {
                Write(mirror.Lookup<Commit>(new ObjectId(sha)).Tree, partial, cancellationToken);
            }

            Directory.Move(partial, final);
        }
        catch (IOException) when (Directory.Exists(final))
        {
            // Another checkout of the same commit got there first; its tree is the same.
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }

        return final;
    }

    private static void Write(Tree tree, string folder, CancellationToken cancellationToken)
    {
        foreach (var entry in tree)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, SafeName(entry.Name));
            switch (entry.Mode)
            {
                case Mode.Directory:
                    Directory.CreateDirectory(path);
                    Write((Tree)entry.Target, path, cancellationToken);
                    break;
                case Mode.SymbolicLink:
                    File.CreateSymbolicLink(path, ((Blob)entry.Target).GetContentText());
                    break;
                case Mode.ExecutableFile:
                    WriteFile((Blob)entry.Target, path, Executable);
                    break;
                case Mode.NonExecutableFile or Mode.NonExecutableGroupWritableFile:
                    WriteFile((Blob)entry.Target, path, Regular);
                    break;
                default:
                    break; // Submodules (gitlinks) are not part of the source.
            }
        }
    }

    private static void WriteFile(Blob blob, string path, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var content = blob.GetContentStream();
        using var file = new FileStream(path, options);
        content.CopyTo(file);
    }

    private static string SafeName(string name) =>
        name is "" or "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
            ? throw new GitSourceException(GitFailure.Other, $"the commit holds an entry named \"{name}\" that cannot be written safely")
            : name;
}
