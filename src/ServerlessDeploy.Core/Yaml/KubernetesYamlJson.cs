using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// Reads YAML into JSON nodes as sigs.k8s.io/yaml does (go-yaml v2 underneath), so a live object reads here as kubectl
/// and Argo CD read it: plain scalars by YAML 1.1 (<see cref="YamlScalars11"/>); quoted, block and !!str scalars stay
/// strings; a mapping's entries apply in document order, so a duplicated key's last value wins; a <c>&lt;&lt;</c> merge
/// key applies its mapping (or, from last to first, its list of mappings) at its place in that order; an alias is a
/// copy of its anchor's node.
/// </summary>
internal static class KubernetesYamlJson
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string MergeTag = "tag:yaml.org,2002:merge";

    /// <summary>Every document of a YAML stream, in order; an empty document is null.</summary>
    /// <exception cref="FormatException">The text is not valid YAML; the message names the line and column.</exception>
    public static IReadOnlyList<JsonNode?> ParseDocuments(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<JsonNode?>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                documents.Add(parser.Accept<DocumentEnd>(out _) ? null : Node(parser, anchors));
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new FormatException($"line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("the YAML parser stopped unexpectedly; look for an unclosed '[', '{' or quote", e);
        }

        return documents;
    }

    private static JsonNode? Node(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target) ? target?.DeepClone()
                : throw Error(alias, $"unknown anchor '{alias.Value.Value}' referenced");
        }

        var start = parser.Current as NodeEvent ?? throw Error(parser.Current, "expected a node");
        JsonNode? node = start switch
        {
            Scalar scalar => Scalar(parser, scalar),
            SequenceStart => Sequence(parser, anchors),
            MappingStart => Mapping(parser, anchors),
            _ => throw Error(start, "unsupported YAML node"),
        };
        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static JsonValue? Scalar(IParser parser, Scalar scalar)
    {
        parser.MoveNext();
        var tagged = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (tagged && scalar.Tag.Value == StrTag))
        {
            return JsonValue.Create(scalar.Value);
        }

        try
        {
            return YamlScalars11.Resolve(scalar.Value);
        }
        catch (FormatException e)
        {
            throw Error(scalar, e.Message);
        }
    }

    private static JsonArray Sequence(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        parser.Consume<SequenceStart>();
        var array = new JsonArray();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            array.Add(Node(parser, anchors));
        }

        return array;
    }

    private static JsonObject Mapping(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        parser.Consume<MappingStart>();
        var result = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Current as Scalar ?? throw Error(parser.Current, "a mapping key must be a scalar");
            var name = KeyName(parser, key);
            var value = Node(parser, anchors);
            if (name is null)
            {
                Merge(result, value, key);
            }
            else
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>The key's JSON name, or null for a merge key.</summary>
    private static string? KeyName(IParser parser, Scalar key)
    {
        parser.MoveNext();
        var plain = key.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && key.Value == "<<" && (key.Tag.IsEmpty || key.Tag.IsNonSpecific || key.Tag.Value == MergeTag))
        {
            return null;
        }

        return plain && (key.Tag.IsEmpty || key.Tag.IsNonSpecific) ? YamlScalars11.Key(key.Value) : key.Value;
    }

    private static void Merge(JsonObject into, JsonNode? source, Scalar at)
    {
        switch (source)
        {
            case JsonObject map:
                foreach (var (name, value) in map)
                {
                    into[name] = value?.DeepClone();
                }

                break;
            case JsonArray maps when maps.All(m => m is JsonObject):
                for (var i = maps.Count - 1; i >= 0; i--)
                {
                    Merge(into, maps[i], at);
                }

                break;
            default:
                throw Error(at, "map merge requires map or sequence of maps as the value");
        }
    }

    /// <param name="at">Null past the end of the stream, where there is no position to name.</param>
    private static FormatException Error(ParsingEvent? at, string message) =>
        new(at is null ? message : $"line {at.Start.Line}, column {at.Start.Column}: {message}");

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
