using System.Text.Json;

namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>
/// Reads the action's UserParameters: <c>{"app": "…", "revision": "…", "image": "name:tag", "source": "git" | "artifact"}</c>
/// with only "app" required, or just an app name. Whatever is wrong is named in one message.
/// </summary>
internal static class ActionParametersReader
{
    private static readonly string[] Known = ["app", "revision", "image", "source"];

    public static ActionParameters? Read(string? userParameters, out string error)
    {
        var text = userParameters?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "UserParameters is empty; give the app to deploy, e.g. {\"app\": \"web\"}";
            return null;
        }

        if (!text.StartsWith('{'))
        {
            error = IsName(text) ? "" : $"UserParameters '{text}' is neither JSON nor an app name";
            return error.Length == 0 ? new ActionParameters(text) : null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return FromObject(document.RootElement, out error);
        }
        catch (JsonException e)
        {
            error = $"UserParameters is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static ActionParameters? FromObject(JsonElement root, out string error)
    {
        var problems = new List<string>();
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !Known.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"unknown key(s) {string.Join(", ", unknown)} (known: {string.Join(", ", Known)})");
        }

        var app = Text(root, "app", problems);
        var revision = Text(root, "revision", problems);
        var image = Text(root, "image", problems);
        var source = Text(root, "source", problems) ?? "git";
        if (app is null || !IsName(app))
        {
            problems.Add("\"app\" must name the Application to deploy");
        }

        if (image is not null && !IsImage(image))
        {
            problems.Add($"\"image\" '{image}' is not name:tag");
        }

        if (source is not ("git" or "artifact"))
        {
            problems.Add($"\"source\" '{source}' is neither git nor artifact");
        }
        else if (source == "artifact" && revision is not null)
        {
            problems.Add("\"revision\" cannot be given with \"source\": \"artifact\" (the artifact's revision is deployed)");
        }

        error = problems.Count == 0 ? "" : $"UserParameters: {string.Join("; ", problems)}";
        return problems.Count == 0 && app is not null ? new ActionParameters(app, revision, image, source == "artifact") : null;
    }

    private static string? Text(JsonElement root, string name, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"\"{name}\" must be a string");
            return null;
        }

        return value.GetString();
    }

    // A Kubernetes object name (Applications are named like any object): lower case, digits, '-' and '.'.
    private static bool IsName(string text) =>
        text.Length is > 0 and <= 253 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');

    // The tag follows the last ':' after the last '/' (a registry host may carry a port).
    private static bool IsImage(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && colon > text.LastIndexOf('/') && colon < text.Length - 1 && !text.Any(char.IsWhiteSpace);
    }
}
