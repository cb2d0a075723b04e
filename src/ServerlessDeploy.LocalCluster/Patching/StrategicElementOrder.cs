using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;
using static ServerlessDeploy.LocalCluster.Patching.StrategicDirectives;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// The "$setElementOrder/&lt;field&gt;" directives of one patch map (strategicpatch's mergePatchIntoOriginal): each
/// list it names is merged with the patch's list for that field, if any, then ordered as the directive lists it,
/// live items it does not name keeping their place relative to the named ones. kubectl sends one with every change
/// to a merged list, so that the live list ends in the order of the applied manifest.
/// </summary>
internal static class StrategicElementOrder
{
    /// <summary>Merges and orders each list named by a directive of <paramref name="patch"/>; adds the directives and the fields it dealt with to <paramref name="handled"/>.</summary>
    public static void Apply(JsonObject live, JsonObject patch, FieldShape? shape, HashSet<string> handled)
    {
        foreach (var (directive, value) in patch.Where(p => IsElementOrder(p.Key)))
        {
            handled.Add(directive);
            var field = FieldOf(directive, SetElementOrder) ?? throw StrategicPatchErrors.BadElementOrder();
            if (value is not JsonArray order)
            {
                throw StrategicPatchErrors.BadElementOrder();
            }

            var (fieldShape, list) = StrategicSchema.Field(shape, field);
            var mergeKey = list.PatchMergeKey;
            var liveList = ListAt(live, field);
            var patchList = ListAt(patch, field);
            Validate(patchList, order, mergeKey);
            // Neither the live object nor the patch has the list: nothing to order. Otherwise, without a patch list, the live one is it.
            if ((patchList ?? liveList) is not { } present)
            {
                continue;
            }

            handled.Add(field);
            var serverOrder = (liveList ?? []).Select(item => StrategicListMerge.Identity(item, mergeKey)?.DeepClone()).ToList();
            var merged = patchList is null ? present : StrategicListMerge.Merge(liveList ?? [], patchList, fieldShape?.Element, list);
            var wanted = order.Select(item => StrategicListMerge.Identity(item, mergeKey)).ToList();
            live[field] = new JsonArray([.. StrategicListOrder.Arrange(JsonArrays.Take(merged), wanted, serverOrder, mergeKey)]);
        }
    }

    private static JsonArray? ListAt(JsonObject map, string field) =>
        !map.TryGetPropertyValue(field, out var value) || value is null ? null
        : value as JsonArray ?? throw StrategicPatchErrors.NotAList(field, value);

    // The patch list's items (less its "$patch" items) must appear in the directive, in the same relative order.
    private static void Validate(JsonArray? patchList, JsonArray order, string? mergeKey)
    {
        if (mergeKey is not null)
        {
            foreach (var item in order)
            {
                RequireKey(item, mergeKey);
            }
        }

        if (patchList is null)
        {
            return;
        }

        var items = patchList.Where(item => !IsDirectiveItem(item)).ToList();
        var next = 0;
        foreach (var wanted in order)
        {
            if (next < items.Count && SameIdentity(items[next], wanted, mergeKey))
            {
                next++;
            }
        }

        if (next < items.Count)
        {
            throw StrategicPatchErrors.OrderMismatch(patchList, order);
        }
    }

    private static bool IsDirectiveItem(JsonNode? item) => item is JsonObject map && map.ContainsKey(Patch);

    private static bool SameIdentity(JsonNode? item, JsonNode? wanted, string? mergeKey) =>
        mergeKey is null
            ? JsonNode.DeepEquals(item, wanted)
            : JsonNode.DeepEquals(RequireKey(item, mergeKey), RequireKey(wanted, mergeKey));

    private static JsonNode? RequireKey(JsonNode? item, string mergeKey) => item switch
    {
        JsonObject map when map.TryGetPropertyValue(mergeKey, out var key) => key,
        JsonObject map => throw StrategicPatchErrors.NoMergeKey(map, mergeKey),
        _ => throw StrategicPatchErrors.BadElementOrder(),
    };
}
