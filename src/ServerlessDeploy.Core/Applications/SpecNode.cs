using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Applications;

/// <summary>
/// Reads one object of a manifest field by field, recording problems under the field's path instead of throwing,
/// and reporting every field it was never asked for: unknown or unsupported fields are never silently ignored.
/// </summary>
internal sealed class SpecNode(JsonObject? obj, string path, List<string> errors)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public bool Exists => obj is not null;

    public string Path => path;

    public void Error(string field, string message) => errors.Add($"{Join(field)}: {message}");

    public string? String(string field, bool required = false)
    {
        var node = Take(field);
        if (node is null)
        {
            if (required)
            {
                Error(field, "required");
            }

            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        Error(field, $"must be a string, not {node.ToJsonString()}");
        return null;
    }

    public bool Bool(string field, bool fallback = false)
    {
        var node = Take(field);
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        Error(field, $"must be true or false, not {node.ToJsonString()}");
        return fallback;
    }

    public long? Number(string field)
    {
        var node = Take(field);
        // Through the JSON text: a value built from an int in code cannot be read as a long.
        if (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (node is not null)
        {
            Error(field, $"must be a whole number, not {node.ToJsonString()}");
        }

        return null;
    }

    public SpecNode Object(string field)
    {
        var node = Take(field);
        if (node is not null and not JsonObject)
        {
            Error(field, "must be an object");
        }

        return new SpecNode(node as JsonObject, Join(field), errors);
    }

    public IReadOnlyList<SpecNode> Objects(string field) =>
        Array(field).Select((n, i) => n is JsonObject o ? new SpecNode(o, $"{Join(field)}[{i}]", errors) : Invalid(field, i)).ToList();

    public IReadOnlyList<string> Strings(string field) =>
        Array(field).Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : InvalidString(field, i)).ToList();

    public JsonNode? Raw(string field) => Take(field);

    public IReadOnlyDictionary<string, string> StringMap(string field)
    {
        var map = Take(field);
        if (map is not JsonObject entries)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return entries.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>Marks fields this product knows but does not implement: each present one is an error naming it.</summary>
    public void Unsupported(string field, string why)
    {
        if (Take(field) is not null)
        {
            Error(field, $"not supported yet: {why}");
        }
    }

    /// <summary>Reports every field of the object that was not read.</summary>
    public void RejectUnknown()
    {
        foreach (var name in obj?.Select(p => p.Key).Where(k => !_read.Contains(k)) ?? [])
        {
            Error(name, "unknown field");
        }
    }

    private JsonNode? Take(string field)
    {
        _read.Add(field);
        return obj?[field];
    }

    private JsonArray Array(string field)
    {
        var node = Take(field);
        if (node is not null and not JsonArray)
        {
            Error(field, "must be a list");
        }

        return node as JsonArray ?? [];
    }

    private SpecNode Invalid(string field, int index)
    {
        errors.Add($"{Join(field)}[{index}]: must be an object");
        return new SpecNode(null, $"{Join(field)}[{index}]", errors);
    }

    private string InvalidString(string field, int index)
    {
        errors.Add($"{Join(field)}[{index}]: must be a string");
        return "";
    }

    private string Join(string field) => path.Length == 0 ? field : field.Length == 0 ? path : $"{path}.{field}";
}
