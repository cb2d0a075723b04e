using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Infra.Settings;

/// <summary>Reads typed values from CDK context; every problem throws one <see cref="InfraSettingsException"/> naming the key.</summary>
internal sealed class ContextReader(Func<string, object?> lookup)
{
    public string RequiredString(string key) =>
        OptionalString(key)
        ?? throw new InfraSettingsException($"CDK context '{key}' is missing or empty; set it in cdk.json or with -c {key}=<value>.");

    public string? OptionalString(string key)
    {
        var text = lookup(key) switch
        {
            null => null,
            string s => s,
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public int Int(string key, int min, int max, string expected, int? defaultValue = null)
    {
        var value = lookup(key);
        if (value is null)
        {
            return defaultValue
                ?? throw new InfraSettingsException($"CDK context '{key}' is missing; set it in cdk.json or with -c {key}=<value>.");
        }
        int? parsed = value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            string s when int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        };
        return parsed is { } n && n >= min && n <= max
            ? n
            : throw Invalid(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", expected);
    }

    public bool Bool(string key, bool defaultValue) => lookup(key) switch
    {
        null => defaultValue,
        bool b => b,
        string s when bool.TryParse(s.Trim(), out var b) => b,
        var value => throw Invalid(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", "true or false"),
    };

    /// <summary>A list given as a JSON array (in cdk.json) or a comma-separated string (with -c); empty when absent.</summary>
    public IReadOnlyList<string> List(string key)
    {
        var value = lookup(key);
        if (value is string s && !s.TrimStart().StartsWith('['))
        {
            return s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        if (Json(key) is not { } json)
        {
            return [];
        }
        if (json.ValueKind != JsonValueKind.Array || json.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Invalid(key, json.GetRawText(), "a JSON array of strings or a comma-separated list");
        }
        return json.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(e => e.Length > 0).ToList();
    }

    /// <summary>
    /// Names matching <paramref name="pattern"/> from a list (as <see cref="List"/> reads it); null for "*" alone, which
    /// means all of them. An empty list is empty.
    /// </summary>
    public IReadOnlyList<string>? NamesOrAll(string key, Regex pattern, string expected)
    {
        var names = List(key);
        if (names.Contains("*"))
        {
            return names.Count == 1 ? null : throw Invalid(key, string.Join(",", names), "\"*\" alone or " + expected);
        }
        var bad = names.FirstOrDefault(n => !pattern.IsMatch(n));
        return bad is null ? names : throw Invalid(key, bad, expected);
    }

    /// <summary>A structured value: JSON text (with -c) or the object cdk.json holds; null when absent.</summary>
    public JsonElement? Json(string key)
    {
        var value = lookup(key);
        try
        {
            return value switch
            {
                null => null,
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s => JsonDocument.Parse(s).RootElement.Clone(),
                _ => JsonSerializer.SerializeToElement(value),
            };
        }
        catch (JsonException e)
        {
            throw new InfraSettingsException($"CDK context '{key}' is not valid JSON: {e.Message}", e);
        }
    }

    public static InfraSettingsException Invalid(string key, string value, string expected) =>
        new($"CDK context '{key}' has invalid value '{value}': expected {expected}.");
}
