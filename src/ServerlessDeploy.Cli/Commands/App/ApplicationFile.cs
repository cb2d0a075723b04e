using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>Reads the Application manifest named on the command line; every problem is invalid input.</summary>
internal static class ApplicationFile
{
    public static async Task<Application> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw CliFailure.Input($"{path}: no such file");
        }

        IReadOnlyList<System.Text.Json.Nodes.JsonNode> documents;
        try
        {
            documents = YamlReader.ReadAll(await File.ReadAllTextAsync(path, cancellationToken), path);
        }
        catch (FormatException e)
        {
            throw CliFailure.Input(e.Message);
        }

        if (documents is not [System.Text.Json.Nodes.JsonObject manifest])
        {
            throw CliFailure.Input($"{path}: expected one Application document, found {documents.Count}");
        }

        var parsed = ApplicationReader.Read(manifest, Path.GetFullPath(path));
        return parsed.Succeeded
            ? parsed.Application
            : throw CliFailure.Input($"{path}: invalid Application: {string.Join("; ", parsed.Errors)}");
    }
}
