using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;
using static ServerlessDeploy.LocalCluster.Patching.StrategicDirectives;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// Merges a patch map into a live map (strategicpatch's mergeMap): "$patch" replaces or deletes the whole map,
/// "$retainKeys" clears the fields it does not list, lists are merged by <see cref="StrategicListMerge"/> (ordered by
/// "$setElementOrder"), "$deleteFromPrimitiveList" takes values out of scalar lists, null deletes a field, and a value
/// the live map lacks is taken from the patch without its directives. The patch is only read.
/// </summary>
internal static class StrategicMapMerge
{
    /// <summary>The merged map: <paramref name="live"/> itself, changed, or a new map when a "$patch" directive replaces it.</summary>
    public static JsonObject Merge(JsonObject live, JsonObject patch, FieldShape? shape)
    {
        if (patch.TryGetPropertyValue(Patch, out var directive))
        {
            return Directed(directive, patch, shape);
        }

        var handled = new HashSet<string>(StringComparer.Ordinal);
        RetainKeys(live, patch, handled);
        StrategicElementOrder.Apply(live, patch, shape, handled);
        foreach (var (key, value) in patch)
        {
            if (!handled.Contains(key) && !IsDeletionList(key))
            {
                MergeField(live, key, value, shape);
            }
        }

        DeleteFromPrimitiveLists(live, patch);
        return live;
    }

    /// <summary>A value the live object does not hold (or holds as another JSON type), built from the patch; null when the patch deletes it.</summary>
    public static JsonNode? Fresh(JsonNode? value, FieldShape? shape, ListSemantics list) => value switch
    {
        JsonObject map when DirectiveOf(map) == Delete => null,
        JsonObject map => Merge([], map, shape),
        JsonArray items => StrategicListMerge.Merge([], items, shape?.Element, list),
        _ => value?.DeepClone(),
    };

    /// <summary>The "$patch" value of a map, when it has one and it is a string.</summary>
    public static string? DirectiveOf(JsonNode? item) =>
        item is JsonObject map && map.TryGetPropertyValue(Patch, out var directive) ? AsString(directive) : null;

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Directed(JsonNode? directive, JsonObject patch, FieldShape? shape)
    {
        switch (AsString(directive))
        {
            case Replace:
                var replacement = new JsonObject();
                foreach (var (key, value) in patch.Where(p => p.Key != Patch))
                {
                    MergeField(replacement, key, value, shape);
                }

                return replacement;
            case Delete:
                return [];
            default:
                throw StrategicPatchErrors.UnknownPatchType(directive, patch);
        }
    }

    private static void MergeField(JsonObject live, string key, JsonNode? value, FieldShape? shape)
    {
        if (value is null)
        {
            live.Remove(key);
            return;
        }

        var (field, list) = StrategicSchema.Field(shape, key);
        live.TryGetPropertyValue(key, out var current);
        var merged = (current, value) switch
        {
            (JsonObject liveMap, JsonObject patchMap) => Merge(liveMap, patchMap, field),
            (JsonArray liveList, JsonArray patchList) => StrategicListMerge.Merge(liveList, patchList, field?.Element, list),
            _ => Fresh(value, field, list),
        };
        if (merged is null)
        {
            live.Remove(key);
        }
        else
        {
            live[key] = merged;
        }
    }

    // The patch must name only listed fields (or null them); the live map keeps only the listed ones.
    private static void RetainKeys(JsonObject live, JsonObject patch, HashSet<string> handled)
    {
        if (!patch.TryGetPropertyValue(StrategicDirectives.RetainKeys, out var value))
        {
            return;
        }

        handled.Add(StrategicDirectives.RetainKeys);
        if (value is not JsonArray listed)
        {
            throw StrategicPatchErrors.BadRetainKeys();
        }

        var kept = listed.Select(AsString).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unlisted = patch.Any(p => p.Value is not null && p.Key != StrategicDirectives.RetainKeys
            && !IsDeletionList(p.Key) && !IsElementOrder(p.Key) && !kept.Contains(p.Key));
        if (unlisted)
        {
            throw StrategicPatchErrors.BadRetainKeys();
        }

        foreach (var key in live.Select(p => p.Key).Where(k => !kept.Contains(k)).ToList())
        {
            live.Remove(key);
        }
    }

    // Runs after the merge, so a value both added and deleted by one patch ends deleted.
    private static void DeleteFromPrimitiveLists(JsonObject live, JsonObject patch)
    {
        foreach (var (key, value) in patch.Where(p => IsDeletionList(p.Key)))
        {
            var field = FieldOf(key, DeleteFromPrimitiveList) ?? throw StrategicPatchErrors.BadPrimitiveList();
            if (value is not JsonArray doomed)
            {
                throw StrategicPatchErrors.BadPrimitiveList();
            }

            if (live[field] is JsonArray items)
            {
                var remaining = JsonArrays.Take(items).Where(item => !doomed.Any(d => JsonNode.DeepEquals(d, item)));
                live[field] = new JsonArray([.. remaining]);
            }
        }
    }
}
