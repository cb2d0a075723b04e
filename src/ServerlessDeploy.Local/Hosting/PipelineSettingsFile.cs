using System.Text.Json.Nodes;
using ServerlessDeploy.Pipeline.Config;

namespace ServerlessDeploy.Local.Hosting;

/// <summary>
/// The config repository a local pipeline was created with, kept in its state folder (<c>pipeline.json</c>), so that
/// `sdeploy ui` on the same folder can carry out actions through the same pipeline without being told again.
/// </summary>
public static class PipelineSettingsFile
{
    public const string Name = "pipeline.json";

    public static void Write(string stateFolder, PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var json = new JsonObject
        {
            ["configRepoUrl"] = settings.ConfigRepoUrl,
            ["configBranch"] = settings.ConfigBranch,
            ["appsPath"] = settings.AppsPath,
            ["projectsPath"] = settings.ProjectsPath,
        };
        File.WriteAllText(Path.Combine(stateFolder, Name), json.ToJsonString());
    }

    /// <summary>The settings recorded in the folder; null when none were (a folder no local pipeline has used), or they cannot be read.</summary>
    public static PipelineSettings? Read(string stateFolder)
    {
        var path = Path.Combine(stateFolder, Name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject json && Text(json, "configRepoUrl") is { } url
                ? new PipelineSettings(url, Text(json, "configBranch") ?? "main", Text(json, "appsPath") ?? "apps", Text(json, "projectsPath") ?? "projects")
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
