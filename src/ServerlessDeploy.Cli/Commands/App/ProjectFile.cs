using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// The AppProject an Application names: from --project, else from the config repository's projects/ folder next to
/// the Application's folder. The built-in "default" project allows everything, as in Argo CD.
/// </summary>
/// <remarks>
/// Scanned folders hold other files too (Applications, some of them broken): a file that is not an AppProject is passed
/// by, and one that cannot be read is named in a warning and passed by. Only the project itself, not found or invalid,
/// is an error. A file named with --project must be readable.
/// </remarks>
internal static class ProjectFile
{
    public static async Task<AppProject> FindAsync(Application app, string? explicitPath, TextWriter warnings, CancellationToken cancellationToken)
    {
        var appFolder = Path.GetDirectoryName(app.SourceFile) ?? Directory.GetCurrentDirectory();
        var candidates = explicitPath is not null ? [explicitPath]
            : new[] { Path.Combine(appFolder, "..", "projects"), appFolder }.Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d, "*.yaml")).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in candidates)
        {
            var (manifests, problem) = await ReadAsync(file, cancellationToken);
            if (problem is not null)
            {
                if (explicitPath is not null)
                {
                    throw CliFailure.Input(problem);
                }

                await warnings.WriteLineAsync($"warning: {problem} (skipped while looking for AppProject '{app.Project}')");
                continue;
            }

            if (manifests.FirstOrDefault(m => m["kind"]?.ToString() == "AppProject" && m["metadata"]?["name"]?.ToString() == app.Project) is { } manifest)
            {
                var (project, errors) = AppProjectReader.Read(manifest);
                return project ?? throw CliFailure.Input($"{file}: invalid AppProject: {string.Join("; ", errors)}");
            }
        }

        return app.Project == "default"
            ? AppProject.Default
            : throw CliFailure.Input($"spec.project: project '{app.Project}' not found{(explicitPath is null ? " in the config repository's projects/ folder; pass --project <file>" : $" in {explicitPath}")}");
    }

    /// <summary>The file's mappings, or the problem that keeps it from being read.</summary>
    private static async Task<(IReadOnlyList<JsonObject> Manifests, string? Problem)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return ([], $"{file}: no such file");
        }

        try
        {
            return (YamlReader.ReadAll(await File.ReadAllTextAsync(file, cancellationToken), file).OfType<JsonObject>().ToList(), null);
        }
        catch (FormatException e)
        {
            return ([], e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"{file}: cannot read the file: {e.Message}");
        }
    }
}
