using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Cli.Commands.Events;

/// <summary>
/// Reads a sample event as the intake queue would receive it: an EventBridge event or a request as it is; a GitHub
/// delivery (<c>{"headers": …, "body": "…"}</c>) goes through the webhook check with the secret in the
/// <c>.secret</c> file next to it, and only its normalised trigger is queued, as the webhook function does.
/// </summary>
internal static class EventFile
{
    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw CliFailure.Input($"{path}: no such file");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw CliFailure.Input($"{path}: not valid JSON: {e.Message}");
        }

        if (node is not JsonObject { } delivery || delivery["headers"] is not JsonObject headers || delivery["body"] is not JsonValue body)
        {
            return text;
        }

        var secretFile = Path.ChangeExtension(path, ".secret");
        if (!File.Exists(secretFile))
        {
            throw CliFailure.Input($"{path} is a GitHub delivery; its secret must be in {secretFile}");
        }

        var outcome = GitHubWebhook.Handle(
            headers.ToDictionary(h => h.Key, h => h.Value?.ToString() ?? ""),
            Encoding.UTF8.GetBytes(body.ToString()),
            Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(secretFile, cancellationToken)).Trim()));
        return outcome.Trigger is { } trigger
            ? TriggerJson.Serialize(trigger)
            : throw CliFailure.Input($"{path}: the webhook did not accept it ({outcome.Verdict}): {outcome.Message}");
    }
}
