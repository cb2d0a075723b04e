using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// Writes JSON nodes as block YAML, keys in their order, quoting strings that would read back as another type. The
/// serializer is YamlDotNet's static one (<see cref="YamlWriterContext"/>): the same output as its reflection
/// serializer with the same settings, without reflection.
/// </summary>
public static class YamlWriter
{
    private static readonly ISerializer Serializer = new StaticSerializerBuilder(new YamlWriterContext()).WithQuotingNecessaryStrings().DisableAliases().Build();

    public static string Write(JsonNode? node) => Serializer.Serialize(Plain(node));

    public static string WriteAll(IEnumerable<JsonNode> documents) =>
        string.Join("---\n", documents.Select(Write));

    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        JsonArray list => list.Select(Plain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // Numbers go through their JSON text: a value built from an int cannot be read back as a long.
            JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => whole,
            JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}
