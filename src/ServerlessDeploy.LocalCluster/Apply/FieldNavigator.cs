using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Apply;

/// <summary>Finds and removes the value a field path names inside an object.</summary>
internal static class FieldNavigator
{
    /// <summary>The value at the path, and whether it exists (a present null differs from an absent field).</summary>
    public static (bool Found, JsonNode? Value) ValueAt(JsonNode? root, string path)
    {
        JsonNode? current = root;
        foreach (var segment in FieldPaths.Segments(path))
        {
            if (segment == FieldPaths.Self)
            {
                continue;
            }

            var (found, next) = Step(current, segment);
            if (!found)
            {
                return (false, null);
            }

            current = next;
        }

        return (true, current);
    }

    /// <summary>Removes what the path names: a field, a set value, or (for a path ending in ".") a list-map item.</summary>
    public static void Remove(JsonNode root, string path)
    {
        var segments = FieldPaths.Segments(path);
        var last = segments[^1] == FieldPaths.Self ? segments.Length - 2 : segments.Length - 1;
        JsonNode? parent = root;
        for (var i = 0; i < last && parent is not null; i++)
        {
            parent = Step(parent, segments[i]).Value;
        }

        var segment = segments[last];
        switch (parent)
        {
            case JsonObject obj when segment.StartsWith("f:", StringComparison.Ordinal):
                obj.Remove(segment[2..]);
                break;
            case JsonArray list when IndexOf(list, segment) is var index and >= 0:
                list.RemoveAt(index);
                break;
        }
    }

    private static (bool Found, JsonNode? Value) Step(JsonNode? current, string segment)
    {
        if (segment.StartsWith("f:", StringComparison.Ordinal))
        {
            return current is JsonObject obj && obj.TryGetPropertyValue(segment[2..], out var value) ? (true, value) : (false, null);
        }

        return current is JsonArray list && IndexOf(list, segment) is var index and >= 0 ? (true, list[index]) : (false, null);
    }

    /// <summary>The index of the list item a "k:" or "v:" segment names, or -1.</summary>
    public static int IndexOf(JsonArray list, string segment)
    {
        if (segment.StartsWith("v:", StringComparison.Ordinal))
        {
            var wanted = segment[2..];
            return FindIndex(list, item => (item?.ToJsonString() ?? "null") == wanted);
        }

        if (segment.StartsWith("k:", StringComparison.Ordinal))
        {
            var key = FieldPaths.KeyObject(segment);
            var names = key.Select(p => p.Key).ToList();
            return FindIndex(list, item => item is JsonObject obj && FieldPaths.KeyOf(obj, names) == segment);
        }

        return -1;
    }

    private static int FindIndex(JsonArray list, Func<JsonNode?, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
