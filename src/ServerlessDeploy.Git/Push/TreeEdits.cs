using System.Text;
using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Git.Push;

/// <summary>
/// Applies file edits to a commit's tree without a working copy: each edit's rewrite of the file's text in that tree
/// becomes a blob at its path. An existing
/// file keeps its mode (the executable bit); folders, links and submodules cannot be overwritten, and paths may not
/// leave the repository or touch <c>.git</c>.
/// </summary>
internal static class TreeEdits
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Tree Apply(Repository repository, Tree tree, IReadOnlyList<FileEdit> edits)
    {
        var definition = TreeDefinition.From(tree);
        foreach (var edit in edits)
        {
            var path = Validate(edit.Path);
            var mode = ModeFor(tree, path);
            var current = tree[path]?.Target is Blob blob ? blob.GetContentText(Utf8) : null;
            using var content = new MemoryStream(Utf8.GetBytes(edit.Rewrite(current)));
            definition.Add(path, repository.ObjectDatabase.CreateBlob(content), mode);
        }

        return repository.ObjectDatabase.CreateTree(definition);
    }

    /// <summary>Throws <see cref="GitSourceException"/> when <paramref name="path"/> is not a plain relative path inside the repository.</summary>
    public static string Validate(string path)
    {
        var segments = path.Split('/');
        if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || segments.Any(s => s is "" or "." or ".." || s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GitSourceException(GitFailure.InvalidRequest, $"file path \"{path}\" must be relative to the repository root, \"/\" separated, without \".\", \"..\" or \".git\"");
        }

        return path;
    }

    private static Mode ModeFor(Tree tree, string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        while (slash > 0)
        {
            var parent = tree[path[..slash]];
            if (parent is not null && parent.Mode != Mode.Directory)
            {
                throw new GitSourceException(GitFailure.InvalidRequest, $"file path \"{path}\" goes through \"{path[..slash]}\", which is not a folder");
            }

            slash = path.IndexOf('/', slash + 1);
        }

        var entry = tree[path];
        return entry?.Mode switch
        {
            null => Mode.NonExecutableFile,
            Mode.ExecutableFile => Mode.ExecutableFile,
            Mode.NonExecutableFile or Mode.NonExecutableGroupWritableFile => Mode.NonExecutableFile,
            _ => throw new GitSourceException(GitFailure.InvalidRequest, $"file path \"{path}\" is a {entry.Mode}, not a file"),
        };
    }
}
