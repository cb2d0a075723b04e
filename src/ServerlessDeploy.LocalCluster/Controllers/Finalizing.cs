using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers;

/// <summary>The writes controllers make while finishing a deletion: drop a finalizer, drop an owner reference.</summary>
internal static class Finalizing
{
    public static ResourceType? TypeOf(ClusterState cluster, string groupResource) =>
        cluster.Registry.All.FirstOrDefault(t => t.GroupResource == groupResource);

    /// <summary>Removes a finalizer (metadata, or the namespace's spec ones when <paramref name="fromSpec"/>); the object goes when none is left.</summary>
    public static void RemoveFinalizer(ClusterState cluster, ResourceType type, JsonObject obj, string finalizer, bool fromSpec = false) =>
        Update(cluster, type, obj, next =>
        {
            var holder = fromSpec ? next["spec"] as JsonObject : next.Metadata();
            if (holder?["finalizers"] is JsonArray list)
            {
                holder["finalizers"] = new JsonArray(list.Where(f => f?.ToString() != finalizer).Select(f => f?.DeepClone()).ToArray());
            }
        });

    public static void RemoveOwner(ClusterState cluster, ResourceType type, JsonObject obj, string ownerUid) =>
        Update(cluster, type, obj, next =>
        {
            if (next.Metadata()["ownerReferences"] is JsonArray owners)
            {
                var kept = owners.OfType<JsonObject>().Where(o => o.String("uid") != ownerUid).Select(o => (JsonNode?)o.DeepClone()).ToArray();
                next.Metadata()["ownerReferences"] = new JsonArray(kept);
            }
        });

    public static bool IsOwnedBy(JsonObject obj, string ownerUid) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().Any(o => o.String("uid") == ownerUid) ?? false;

    private static void Update(ClusterState cluster, ResourceType type, JsonObject obj, Action<JsonObject> edit) =>
        cluster.Store.Change(type, obj.Namespace(), obj.Name(), current =>
        {
            if (current is null || current.Uid() != obj.Uid())
            {
                return new StoreChange.Keep(obj);
            }

            var next = (JsonObject)current.DeepClone();
            edit(next);
            return UpdateDecision.Decide(type, current, next, "finalize");
        }, dryRun: false);
}
