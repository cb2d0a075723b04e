using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Objects;

/// <summary>
/// The simple JSONPath form CRDs use for printer columns and scale paths: .a.b.c, a field name per step.
/// Anything else (filters, indexes, wildcards) is not parsed: its reads find nothing.
/// </summary>
internal sealed record SimpleJsonPath(IReadOnlyList<string> Fields)
{
    /// <summary>The path's fields; null when the text is not of the .a.b.c form.</summary>
    public static SimpleJsonPath? Parse(string? text)
    {
        if (text is not { Length: > 1 } || text[0] != '.')
        {
            return null;
        }

        var fields = text[1..].Split('.');
        return fields.Any(f => f.Length == 0 || f.IndexOfAny(['[', ']', '*', '@', '(', ')', '?', '{', '}', ' ']) >= 0) ? null : new SimpleJsonPath(fields);
    }

    /// <summary>The value at the path; null when a step is missing or not an object.</summary>
    public JsonNode? Read(JsonObject obj)
    {
        JsonNode? node = obj;
        foreach (var field in Fields)
        {
            node = node is JsonObject parent ? parent[field] : null;
        }

        return node;
    }

    /// <summary>Sets the value at the path, making the objects on the way that are missing (or not objects).</summary>
    public void Write(JsonObject obj, JsonNode value)
    {
        var parent = obj;
        foreach (var field in Fields.Take(Fields.Count - 1))
        {
            if (parent[field] is not JsonObject child)
            {
                child = [];
                parent[field] = child;
            }

            parent = child;
        }

        parent[Fields[^1]] = value;
    }
}
