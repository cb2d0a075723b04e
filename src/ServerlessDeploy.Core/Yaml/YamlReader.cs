using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>Reads the non-empty documents of a YAML text into JSON, with errors that name where the text came from.</summary>
public static class YamlReader
{
    /// <summary>Every non-empty document; throws <see cref="FormatException"/> naming <paramref name="source"/>, the line and the column.</summary>
    public static IReadOnlyList<JsonNode> ReadAll(string text, string source)
    {
        try
        {
            return YamlJson.ParseDocuments(text).OfType<JsonNode>().ToList();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: invalid YAML at {e.Message}", e);
        }
    }
}
