using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// The AppProject an Application names: from --project, else from the config repository's projects/ folder next to
/// the Application's folder. The built-in "default" project allows everything, as in Argo CD.
/// </summary>
internal static class ProjectFile
{
    public static async Task<AppProject> FindAsync(Application app, string? explicitPath, CancellationToken cancellationToken)
    {
        var appFolder = Path.GetDirectoryName(app.SourceFile) ?? Directory.GetCurrentDirectory();
        var candidates = explicitPath is not null ? [explicitPath]
            : new[] { Path.Combine(appFolder, "..", "projects"), appFolder }.Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d, "*.yaml")).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in candidates)
        {
            foreach (var manifest in await ReadAsync(file, cancellationToken))
            {
                if (manifest["kind"]?.ToString() != "AppProject" || manifest["metadata"]?["name"]?.ToString() != app.Project)
                {
                    continue;
                }

                var (project, errors) = AppProjectReader.Read(manifest);
                return project ?? throw CliFailure.Input($"{file}: invalid AppProject: {string.Join("; ", errors)}");
            }
        }

        return app.Project == "default"
            ? AppProject.Default
            : throw CliFailure.Input($"spec.project: project '{app.Project}' not found{(explicitPath is null ? " in the config repository's projects/ folder; pass --project <file>" : $" in {explicitPath}")}");
    }

    private static async Task<IEnumerable<JsonObject>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw CliFailure.Input($"{file}: no such file");
        }

        try
        {
            return YamlReader.ReadAll(await File.ReadAllTextAsync(file, cancellationToken), file).OfType<JsonObject>();
        }
        catch (FormatException e)
        {
            throw CliFailure.Input(e.Message);
        }
    }
}
