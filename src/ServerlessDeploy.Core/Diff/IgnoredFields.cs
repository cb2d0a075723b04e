using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Diff;

/// <summary>spec.ignoreDifferences: JSON pointers, and the fields that named managers own, are left out of the comparison.</summary>
internal static class IgnoredFields
{
    public static IReadOnlyList<string> PointersFor(ResourceKey key, JsonObject? live, IReadOnlyList<IgnoreDifference> rules)
    {
        var matching = IgnoreRules.For(key, rules).ToList();
        var pointers = matching.SelectMany(r => r.JsonPointers).ToList();
        var managers = matching.SelectMany(r => r.ManagedFieldsManagers).ToHashSet(StringComparer.Ordinal);
        if (managers.Count > 0 && live?["metadata"]?["managedFields"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>().Where(e => managers.Contains(e["manager"]?.ToString() ?? "")))
            {
                pointers.AddRange(Leaves(entry["fieldsV1"] as JsonObject, ""));
            }
        }

        return pointers;
    }

    /// <summary>True when one of the pointers names the field at <paramref name="pointer"/> or a field that holds it.</summary>
    public static bool Covers(IReadOnlyList<string> pointers, string pointer) =>
        pointers.Any(p => pointer == p || pointer.StartsWith(p + "/", StringComparison.Ordinal));

    /// <summary>Removes what a JSON pointer names (RFC 6901), if it is there.</summary>
    public static void Remove(JsonNode? root, string pointer)
    {
        var parts = pointer.Split('/').Skip(1).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var node = root;
        for (var i = 0; i < parts.Length - 1 && node is not null; i++)
        {
            node = node is JsonArray list && int.TryParse(parts[i], out var index) ? (index < list.Count ? list[index] : null) : (node as JsonObject)?[parts[i]];
        }

        switch (node)
        {
            case JsonObject obj when parts.Length > 0:
                obj.Remove(parts[^1]);
                break;
            case JsonArray list when parts.Length > 0 && int.TryParse(parts[^1], out var last) && last < list.Count:
                list.RemoveAt(last);
                break;
        }
    }

    // Field paths made only of named fields (f:spec, f:replicas) become pointers; list items are left compared.
    private static IEnumerable<string> Leaves(JsonObject? trie, string prefix)
    {
        foreach (var (segment, child) in trie ?? [])
        {
            if (!segment.StartsWith("f:", StringComparison.Ordinal))
            {
                continue;
            }

            var pointer = $"{prefix}/{segment[2..].Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (child is JsonObject { Count: > 0 } inner)
            {
                foreach (var leaf in Leaves(inner, pointer))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return pointer;
            }
        }
    }
}
