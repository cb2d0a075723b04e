using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>The step every update of an existing object takes (PUT, patch, scale): decided in the store, 404 when the object is gone, reactions after a real write.</summary>
internal sealed class StoredUpdate(ClusterState cluster, Reactions reactions)
{
    /// <param name="decide">The change, given the object as stored; it runs again when the object changed meanwhile.</param>
    public JsonObject Run(ResourceType type, ObjectTarget target, bool dryRun, Func<JsonObject, StoreChange> decide)
    {
        var result = cluster.Store.Change(type, target.Namespace ?? "", target.Name, current => current is null ? throw Errors.NotFound(type, target.Name) : decide(current), dryRun);
        if (!dryRun)
        {
            reactions.AfterChange(type, result);
        }

        return result.Object;
    }
}
