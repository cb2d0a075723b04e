using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// Reads YAML into JSON nodes. Plain scalars resolve by YAML 1.2's core schema (null, booleans, integers, floats);
/// quoted and block scalars, and anything tagged !!str, stay strings.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>Every document of a YAML stream, in order; an empty document is null.</summary>
    /// <exception cref="FormatException">The text is not valid YAML; the message names the line and column.</exception>
    public static IReadOnlyList<JsonNode?> ParseDocuments(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections.
            throw new FormatException("the YAML parser stopped unexpectedly; look for an unclosed '[', '{' or quote", e);
        }

        return stream.Documents.Select(d => Convert(d.RootNode)).ToList();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"line {node.Start.Line}, column {node.Start.Column}: unsupported YAML node"),
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" :
                throw new FormatException($"line {key.Start.Line}, column {key.Start.Column}: a mapping key must be a scalar");
            if (!result.TryAdd(name, Convert(value)))
            {
                throw new FormatException($"line {key.Start.Line}, column {key.Start.Column}: duplicate key \"{name}\"");
            }
        }

        return result;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tagged = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (tagged && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Integer(text) is { } whole => whole,
            _ when FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                && double.IsFinite(real) => JsonValue.Create(real),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>
    /// Decimal, 0o octal and 0x hexadecimal integers. A decimal beyond 64 bits is kept exactly up to 28 digits (longer
    /// ones fall through to floats); an octal or hexadecimal beyond 64 bits stays a string.
    /// </summary>
    private static JsonValue? Integer(string text)
    {
        if (DecimalPattern().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? JsonValue.Create(value)
                : decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large) ? JsonValue.Create(large)
                : null;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(c => c is >= '0' and <= '7'))
        {
            return Octal(text[2..]) is { } octal ? JsonValue.Create(octal) : null;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }

        return null;
    }

    private static ulong? Octal(string digits)
    {
        ulong value = 0;
        foreach (var digit in digits)
        {
            if (value > (ulong.MaxValue >> 3))
            {
                return null;
            }

            value = (value * 8) + (uint)(digit - '0');
        }

        return value;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
