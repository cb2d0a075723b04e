using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// What the published functions depend on, as one SHA-256: every file of the Functions project and of the projects it
/// references (transitively; bin and obj left out), the MSBuild and SDK files above them up to the checkout's root
/// (Directory.Build.*, Directory.Packages.props, global.json, NuGet.config, .editorconfig), and the publish properties.
/// Paths are relative with '/', so two clones of one commit hash alike.
/// </summary>
public static class FunctionsInputs
{
    private static readonly string[] BuildFiles =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
        "NuGet.config", "nuget.config", ".editorconfig",
    ];

    private static readonly string[] OutputFolders = ["bin", "obj"];

    public static string Hash(string root)
    {
        root = Path.GetFullPath(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var property in FunctionsPublish.Properties)
        {
            Add(hash, "publish " + property);
        }
        foreach (var file in Files(root).OrderBy(f => f, StringComparer.Ordinal))
        {
            Add(hash, file);
            var bytes = File.ReadAllBytes(Path.Combine(root, file));
            Add(hash, bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The input files, relative to <paramref name="root"/> with '/'.</summary>
    public static IReadOnlySet<string> Files(string root)
    {
        root = Path.GetFullPath(root);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var projectDirectory in ProjectDirectories(Path.Combine(root, FunctionsPublish.ProjectPath)))
        {
            files.UnionWith(SourceFiles(projectDirectory).Select(f => Relative(root, f)));
            for (var dir = Directory.GetParent(projectDirectory); dir is not null && IsInside(root, dir.FullName); dir = dir.Parent)
            {
                files.UnionWith(BuildFiles.Select(f => Path.Combine(dir.FullName, f)).Where(File.Exists).Select(f => Relative(root, f)));
            }
        }
        return files;
    }

    private static IEnumerable<string> ProjectDirectories(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }
            var directory = Path.GetDirectoryName(path)!;
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var include = (string?)reference.Attribute("Include");
                if (!string.IsNullOrWhiteSpace(include))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/'))));
                }
            }
        }
        return seen.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory).Concat(Directory.EnumerateDirectories(directory)
            .Where(d => !OutputFolders.Contains(Path.GetFileName(d), StringComparer.Ordinal))
            .SelectMany(SourceFiles));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool IsInside(string root, string path) =>
        !Path.GetRelativePath(root, path).StartsWith("..", StringComparison.Ordinal);

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
}
