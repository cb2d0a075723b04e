using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Writes a list field's merge semantics as the OpenAPI extensions kube-apiserver publishes. kubectl's
/// client-side apply reads x-kubernetes-patch-merge-key/-strategy from the property itself (before it
/// follows the items' $ref), so they go on the array schema, not on its items.
/// </summary>
internal static class ListExtensions
{
    public static void AddTo(JsonObject arraySchema, ListSemantics list)
    {
        arraySchema["x-kubernetes-list-type"] = list.Type switch
        {
            ListType.Map => "map",
            ListType.Set => "set",
            _ => "atomic",
        };
        if (list.Type == ListType.Map)
        {
            arraySchema["x-kubernetes-list-map-keys"] = new JsonArray([.. list.MapKeys.Select(key => (JsonNode)key)]);
        }

        if (list.PatchMergeKey is { } mergeKey)
        {
            arraySchema["x-kubernetes-patch-merge-key"] = mergeKey;
        }

        if (list.PatchStrategyText is { } strategy)
        {
            arraySchema["x-kubernetes-patch-strategy"] = strategy;
        }
    }
}
