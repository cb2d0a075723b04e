using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Resources;

/// <summary>RFC 6901 pointers ("/spec/replicas", "/metadata/labels/app.kubernetes.io~1name") read and written on JSON objects.</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parts(string pointer) =>
        [.. pointer.Split('/').Skip(1).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>The node the pointer names, and whether it is there (a JSON null counts as there).</summary>
    public static (bool Found, JsonNode? Value) Get(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var part in Parts(pointer))
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(part, out var child):
                    node = child;
                    break;
                case JsonArray list when int.TryParse(part, out var index) && index >= 0 && index < list.Count:
                    node = list[index];
                    break;
                default:
                    return (false, null);
            }
        }

        return (true, node);
    }

    /// <summary>
    /// Sets the value, creating the objects on the way that are missing; false (and nothing changed) when the way
    /// goes through a list item that is not there or through a value that is not an object or a list.
    /// </summary>
    public static bool Set(JsonObject root, string pointer, JsonNode? value)
    {
        var parts = Parts(pointer);
        if (parts.Count == 0)
        {
            return false;
        }

        JsonNode node = root;
        foreach (var part in parts.Take(parts.Count - 1))
        {
            switch (node)
            {
                case JsonObject obj:
                    node = obj[part] ??= new JsonObject();
                    break;
                case JsonArray list when int.TryParse(part, out var index) && index >= 0 && index < list.Count && list[index] is { } item:
                    node = item;
                    break;
                default:
                    return false;
            }
        }

        switch (node)
        {
            case JsonObject target:
                target[parts[^1]] = value;
                return true;
            case JsonArray items when int.TryParse(parts[^1], out var last) && last >= 0 && last < items.Count:
                items[last] = value;
                return true;
            default:
                return false;
        }
    }
}
