using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// Reads YAML (one or many documents) into JSON nodes, resolving plain scalars by YAML 1.2's core schema as
/// sigs.k8s.io/yaml does; quoted scalars stay strings. Errors name the source and the line.
/// </summary>
public static class YamlReader
{
    /// <summary>Every non-empty document in the text; throws <see cref="FormatException"/> naming <paramref name="source"/> and the line.</summary>
    public static IReadOnlyList<JsonNode> ReadAll(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", e);
        }

        return stream.Documents.Select(d => Convert(d.RootNode)).OfType<JsonNode>().ToList();
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : throw new FormatException($"line {key.Start.Line}: only scalar keys are supported");
            if (obj.ContainsKey(name))
            {
                throw new FormatException($"line {key.Start.Line}: duplicate key \"{name}\"");
            }

            obj[name] = Convert(value);
        }

        return obj;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when IsFloat(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    private static bool IsFloat(string text) =>
        text.Any(char.IsDigit) && text.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+')
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
