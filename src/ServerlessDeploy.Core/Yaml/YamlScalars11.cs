using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// Plain scalars resolved as go-yaml v2 resolves them (YAML 1.1 with its own integer rules), then written as
/// sigs.k8s.io/yaml writes them to JSON. Timestamps stay strings, as go-yaml v2 keeps them when decoding to interface{}.
/// </summary>
internal static partial class YamlScalars11
{
    /// <summary>The JSON value of a plain (unquoted, untagged) scalar; null for YAML's null.</summary>
    /// <exception cref="FormatException">.inf and .nan, which JSON cannot hold (sigs.k8s.io/yaml fails on them too).</exception>
    public static JsonValue? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                throw new FormatException($"{text} is a float JSON cannot hold");
        }

        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.'))
        {
            return JsonValue.Create(text);
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        return Integer(plain) ?? Float(plain) ?? JsonValue.Create(text);
    }

    /// <summary>A map key as sigs.k8s.io/yaml turns it into a JSON property name: booleans and numbers in their JSON form.</summary>
    public static string Key(string text)
    {
        try
        {
            return Resolve(text) switch
            {
                null => text,
                var value => value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
            };
        }
        catch (FormatException)
        {
            return text;
        }
    }

    /// <summary>Go's strconv.ParseInt(s, 0, 64), then ParseUint: 0x, 0o, 0b and a leading 0 (octal) prefixes, with a sign.</summary>
    private static JsonValue? Integer(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-', '+');
        if (text.Length - digits.Length > 1 || digits.Length == 0)
        {
            return null;
        }

        var (radix, body) = digits switch
        {
            _ when digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16, digits[2..]),
            _ when digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8, digits[2..]),
            _ when digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2, digits[2..]),
            _ when digits.Length > 1 && digits[0] == '0' => (8, digits[1..]),
            _ => (10, digits),
        };
        if (body.Length == 0 || !body.All(c => DigitValue(c) < radix))
        {
            return null;
        }

        var magnitude = System.Numerics.BigInteger.Zero;
        foreach (var c in body)
        {
            magnitude = (magnitude * radix) + DigitValue(c);
        }

        var value = negative ? -magnitude : magnitude;
        return value >= long.MinValue && value <= long.MaxValue ? JsonValue.Create((long)value)
            : !negative && value <= ulong.MaxValue ? JsonValue.Create((ulong)value)
            : null;
    }

    private static JsonValue? Float(string text) =>
        FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            ? JsonValue.Create(real)
            : null;

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => int.MaxValue,
    };

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
