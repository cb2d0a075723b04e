using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>
/// Effects that must be visible as soon as a write returns: a CRD's kinds are served (or no longer served, their objects
/// gone) before the next request. Everything eventual is left to the controllers.
/// </summary>
internal sealed class Reactions(ClusterState cluster)
{
    public void AfterChange(ResourceType type, StoreResult result)
    {
        if (type is not { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            return;
        }

        var name = result.Object.Name();
        if (!result.Removed)
        {
            cluster.Registry.Define(name, result.Object);
            return;
        }

        foreach (var served in cluster.Registry.All.Where(t => t.IsCustom && t.GroupResource == name))
        {
            var objects = cluster.Store.List(served, null, _ => true, null, 0).Items;
            foreach (var obj in objects)
            {
                cluster.Store.Change(served, obj.Namespace(), obj.Name(), current => current is null ? new StoreChange.Keep(obj) : new StoreChange.Remove(current), dryRun: false);
            }
        }

        cluster.Registry.Define(name, null);
    }
}
