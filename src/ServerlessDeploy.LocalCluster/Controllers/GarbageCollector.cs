using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Storage;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers;

/// <summary>
/// Kubernetes' garbage collector: dependents of a deleted owner are deleted (Background); an owner held by
/// foregroundDeletion goes after its dependents; one held by orphan lets its dependents go free first.
/// </summary>
internal sealed class GarbageCollector(ClusterState cluster, DeleteVerb delete) : IController
{
    private readonly Dictionary<string, (string GroupResource, string Namespace, string Name)> _waiting = new(StringComparer.Ordinal);

    public Task ObserveAsync(WatchEvent change, CancellationToken cancellationToken)
    {
        var uid = change.Object.Uid();
        if (change.Type == "DELETED")
        {
            _waiting.Remove(uid);
            DeleteDependents(uid);
        }
        else if (change.Object.IsDeleting() && change.Object.Finalizers().Any(f => f is "foregroundDeletion" or "orphan"))
        {
            _waiting[uid] = (change.GroupResource, change.Object.Namespace(), change.Object.Name());
        }

        foreach (var (ownerUid, owner) in _waiting.ToList())
        {
            Release(ownerUid, owner);
        }

        return Task.CompletedTask;
    }

    private void DeleteDependents(string ownerUid)
    {
        foreach (var (groupResource, dependent) in cluster.Store.FindAll(o => Finalizing.IsOwnedBy(o, ownerUid)))
        {
            if (!dependent.IsDeleting() && Finalizing.TypeOf(cluster, groupResource) is { } type)
            {
                delete.Delete(type, dependent.Namespace(), dependent.Name(), new DeleteOptions("Background", null, null, DryRun: false));
            }
        }
    }

    private void Release(string ownerUid, (string GroupResource, string Namespace, string Name) owner)
    {
        var type = Finalizing.TypeOf(cluster, owner.GroupResource);
        var current = type is null ? null : cluster.Store.Get(type, owner.Namespace, owner.Name);
        if (type is null || current is null || current.Uid() != ownerUid)
        {
            _waiting.Remove(ownerUid);
            return;
        }

        var dependents = cluster.Store.FindAll(o => Finalizing.IsOwnedBy(o, ownerUid));
        if (current.Finalizers().Contains("orphan"))
        {
            foreach (var (groupResource, dependent) in dependents)
            {
                if (Finalizing.TypeOf(cluster, groupResource) is { } dependentType)
                {
                    Finalizing.RemoveOwner(cluster, dependentType, dependent, ownerUid);
                }
            }

            Finalizing.RemoveFinalizer(cluster, type, current, "orphan");
            return;
        }

        DeleteDependents(ownerUid);
        if (dependents.Count == 0)
        {
            Finalizing.RemoveFinalizer(cluster, type, current, "foregroundDeletion");
        }
    }
}
