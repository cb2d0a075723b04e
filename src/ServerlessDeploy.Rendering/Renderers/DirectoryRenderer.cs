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
        // Files are parsed in parallel (a thousand files are most of a large render's time) and kept in name order;
        // the error reported is the first failing file in that order, as a sequential read would report it.
        var parsed = new IReadOnlyList<Manifest>[files.Count];
        var failures = new RenderFailure?[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), cancellationToken, async (i, token) =>
        {
            var text = await File.ReadAllTextAsync(Path.Combine(appDirectory, files[i]), token);
            try
            {
                parsed[i] = ManifestParser.Parse(text, files[i]);
            }
            catch (RenderFailure failure)
            {
                failures[i] = failure;
            }
        });
        return failures.FirstOrDefault(f => f is not null) is { } first ? throw first : parsed.SelectMany(p => p).ToList();
    }
}
