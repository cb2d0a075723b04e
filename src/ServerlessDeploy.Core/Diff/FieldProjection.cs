using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff;

/// <summary>
/// The live object cut down to the fields Git specifies, so that values the API server or controllers add
/// (defaults, status, managed fields) never count as drift, as in Argo CD's diff of only what the user wrote.
/// </summary>
internal static class FieldProjection
{
    public static JsonNode? Project(JsonNode? desired, JsonNode? live)
    {
        switch (desired, live)
        {
            case (JsonObject want, JsonObject have):
                var result = new JsonObject();
                foreach (var (key, value) in want)
                {
                    if (have.TryGetPropertyValue(key, out var liveValue))
                    {
                        result[key] = Project(value, liveValue);
                    }
                }

                return result;
            case (JsonArray want, JsonArray have):
                return new JsonArray(have.Select((item, i) => i < want.Count ? Project(want[i], item) : item?.DeepClone()).ToArray());
            default:
                return live?.DeepClone();
        }
    }

    /// <summary>The dotted paths where the projection differs from what Git wants, e.g. spec.template.spec.containers[0].image.</summary>
    public static void Differences(JsonNode? desired, JsonNode? projected, string path, List<string> into)
    {
        switch (desired, projected)
        {
            case (JsonObject want, JsonObject have):
                foreach (var (key, value) in want)
                {
                    Differences(value, have[key], path.Length == 0 ? key : $"{path}.{key}", into);
                }

                break;
            case (JsonArray want, JsonArray have) when want.Count == have.Count:
                for (var i = 0; i < want.Count; i++)
                {
                    Differences(want[i], have[i], $"{path}[{i}]", into);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(desired, projected))
                {
                    into.Add(path);
                }

                break;
        }
    }

    /// <summary>
    /// Puts a live value Git no longer sets into the projection at its pointer, so the diff shows it going away. A
    /// list item needs nothing: a projected list keeps every live item where it is.
    /// </summary>
    public static void Insert(JsonObject projection, string pointer, JsonNode? value)
    {
        var parts = pointer.Split('/').Skip(1).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? node = projection;
        for (var i = 0; i < parts.Length - 1 && node is not null; i++)
        {
            node = node is JsonArray list ? (int.TryParse(parts[i], out var index) && index < list.Count ? list[index] : null) : (node as JsonObject)?[parts[i]];
        }

        if (node is JsonObject parent && parts.Length > 0 && !parent.ContainsKey(parts[^1]))
        {
            parent[parts[^1]] = value?.DeepClone();
        }
    }

    /// <summary>Drops nulls (they mean "not set" to an apply) and server-owned fields a renderer may emit.</summary>
    public static JsonObject Normalize(JsonObject desired)
    {
        var copy = (JsonObject)desired.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("creationTimestamp");
        }

        RemoveNulls(copy);
        return copy;
    }

    private static void RemoveNulls(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (value is null)
                {
                    obj.Remove(key);
                }
                else
                {
                    RemoveNulls(value);
                }
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var item in list.OfType<JsonNode>())
            {
                RemoveNulls(item);
            }
        }
    }
}
