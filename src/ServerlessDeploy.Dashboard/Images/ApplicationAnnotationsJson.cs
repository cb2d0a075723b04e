using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Images;

/// <summary>metadata.annotations of the Application manifest the state recorded (JSON); none when there is none or it does not parse.</summary>
internal static class ApplicationAnnotationsJson
{
    public static IReadOnlyDictionary<string, string> Read(string? manifest)
    {
        if (manifest is null)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            return (JsonNode.Parse(manifest)?["metadata"]?["annotations"] as JsonObject ?? [])
                .Where(pair => pair.Value?.GetValueKind() == JsonValueKind.String)
                .ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // The pipeline wrote the manifest; one that does not parse has no annotations worth showing.
            return new Dictionary<string, string>();
        }
    }
}
