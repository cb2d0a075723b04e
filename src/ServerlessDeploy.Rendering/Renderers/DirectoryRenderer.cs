using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Rendering.Sources;

namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>A plain folder of manifests: its YAML and JSON files (recursively when asked), filtered by include/exclude.</summary>
internal static class DirectoryRenderer
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static async Task<IReadOnlyList<Manifest>> RenderAsync(string appDirectory, DirectorySource? options, CancellationToken cancellationToken)
    {
        var include = options?.Include is { Length: > 0 } i ? FileGlob.ToRegex(i) : null;
        var exclude = options?.Exclude is { Length: > 0 } e ? FileGlob.ToRegex(e) : null;
        var files = Directory.EnumerateFiles(appDirectory, "*", options?.Recurse == true ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(f => Path.GetRelativePath(appDirectory, f).Replace('\\', '/'))
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
            .Where(f => (include is null || FileGlob.Matches(include, f)) && (exclude is null || !FileGlob.Matches(exclude, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var manifests = new List<Manifest>();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(appDirectory, file), cancellationToken);
            manifests.AddRange(ManifestParser.Parse(text, file));
        }

        return manifests;
    }
}
