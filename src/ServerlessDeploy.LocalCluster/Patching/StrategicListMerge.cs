using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;
using static ServerlessDeploy.LocalCluster.Patching.StrategicDirectives;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// Merges a patch list into a live list (strategicpatch's mergeSlice). A list without the merge strategy is replaced.
/// Scalars merge as a set. Maps merge by the patch merge key: an item with a live key merges into that item, a new
/// key is added, "$patch: delete" removes the items with its key and "$patch: replace" makes the list the patch's
/// other items. Patch items take the patch's order, and live items keep their place relative to them.
/// </summary>
internal static class StrategicListMerge
{
    /// <summary>A new array holding the merged items; the items of <paramref name="live"/> move into it.</summary>
    public static JsonArray Merge(JsonArray live, JsonArray patch, FieldShape? element, ListSemantics list)
    {
        if (!StrategicSchema.Merges(list))
        {
            return Replaced(patch, element);
        }

        if (live.Count == 0 && patch.Count == 0)
        {
            return [];
        }

        if (!HoldsMaps(live, patch))
        {
            return MergeScalars(JsonArrays.Take(live), patch);
        }

        var mergeKey = list.PatchMergeKey ?? throw StrategicPatchErrors.NoMergeKeyDeclared();
        return MergeMaps(JsonArrays.Take(live), patch, mergeKey, element);
    }

    /// <summary>The identity an item is ordered and matched by: its merge key's value, or the item itself for scalars.</summary>
    public static JsonNode? Identity(JsonNode? item, string? mergeKey) =>
        mergeKey is null ? item : (item as JsonObject)?[mergeKey];

    private static JsonArray Replaced(JsonArray patch, FieldShape? element)
    {
        var items = new JsonArray();
        foreach (var item in patch)
        {
            var fresh = StrategicMapMerge.Fresh(item, element, ListSemantics.Atomic);
            if (fresh is not null || item is null)
            {
                items.Add(fresh);
            }
        }

        return items;
    }

    // All items must be of one JSON type, and not lists (the Kubernetes API has no lists of lists).
    private static bool HoldsMaps(JsonArray live, JsonArray patch)
    {
        JsonValueKind? common = null;
        foreach (var item in live.Concat(patch))
        {
            var kind = item?.GetValueKind() switch
            {
                null => JsonValueKind.Null,
                JsonValueKind.False => JsonValueKind.True,
                var other => other.Value,
            };
            if (kind == JsonValueKind.Array)
            {
                throw StrategicPatchErrors.ListOfLists();
            }

            if (common is not null && common != kind)
            {
                throw StrategicPatchErrors.MixedElements(live, patch);
            }

            common = kind;
        }

        return common == JsonValueKind.Object;
    }

    private static JsonArray MergeScalars(List<JsonNode?> live, JsonArray patch)
    {
        var order = live.ToList();
        var merged = new List<JsonNode?>();
        foreach (var item in live.Concat(patch.Select(p => p?.DeepClone())))
        {
            if (JsonArrays.IndexOf(merged, item) < 0)
            {
                merged.Add(item);
            }
        }

        return [.. StrategicListOrder.Arrange(merged, [.. patch], order, mergeKey: null)];
    }

    private static JsonArray MergeMaps(List<JsonNode?> live, JsonArray patch, string mergeKey, FieldShape? element)
    {
        var (items, replace) = WithoutSpecialItems(live, patch, mergeKey);
        if (replace)
        {
            return [.. items.Select(item => StrategicMapMerge.Merge([], item, element))];
        }

        var serverOrder = live.Select(item => Identity(item, mergeKey)?.DeepClone()).ToList();
        foreach (var item in items)
        {
            var key = KeyOf(item, mergeKey);
            var index = live.FindIndex(l => l is JsonObject map && map.TryGetPropertyValue(mergeKey, out var k) && JsonNode.DeepEquals(k, key));
            if (index >= 0 && live[index] is JsonObject match)
            {
                live[index] = StrategicMapMerge.Merge(match, item, element);
            }
            else
            {
                live.Add(StrategicMapMerge.Merge([], item, element));
            }
        }

        var patchOrder = items.Select(item => Identity(item, mergeKey)).ToList();
        return [.. StrategicListOrder.Arrange(live, patchOrder, serverOrder, mergeKey)];
    }

    // Applies the "$patch" items: deletions leave the live list, a replace is reported; the other items are returned.
    private static (List<JsonObject> Items, bool Replace) WithoutSpecialItems(List<JsonNode?> live, JsonArray patch, string mergeKey)
    {
        var items = new List<JsonObject>();
        var replace = false;
        foreach (var item in patch.OfType<JsonObject>())
        {
            if (!item.TryGetPropertyValue(Patch, out var directive))
            {
                items.Add(item);
                continue;
            }

            switch (StrategicMapMerge.AsString(directive))
            {
                case Delete:
                    var key = KeyOf(item, mergeKey);
                    live.RemoveAll(l => l is JsonObject map && map.TryGetPropertyValue(mergeKey, out var k) && JsonNode.DeepEquals(k, key));
                    break;
                case Replace:
                    replace = true;
                    break;
                case StrategicDirectives.Merge:
                    throw StrategicPatchErrors.MergeDirectiveInList();
                default:
                    throw StrategicPatchErrors.UnknownPatchType(directive, item);
            }
        }

        return (items, replace);
    }

    private static JsonNode? KeyOf(JsonObject item, string mergeKey) =>
        item.TryGetPropertyValue(mergeKey, out var key) ? key : throw StrategicPatchErrors.NoMergeKey(item, mergeKey);
}
