using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Storage;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers;

/// <summary>Empties a terminating namespace, then clears its "kubernetes" finalizer so it goes too.</summary>
internal sealed class NamespaceController(ClusterState cluster, DeleteVerb delete) : IController
{
    private readonly HashSet<string> _terminating = new(StringComparer.Ordinal);

    public Task ObserveAsync(WatchEvent change, CancellationToken cancellationToken)
    {
        if (change.GroupResource == "namespaces")
        {
            if (change.Type == "DELETED")
            {
                _terminating.Remove(change.Object.Name());
            }
            else if (change.Object.IsDeleting())
            {
                _terminating.Add(change.Object.Name());
            }
        }

        foreach (var ns in _terminating.ToList())
        {
            Finish(ns);
        }

        return Task.CompletedTask;
    }

    private void Finish(string ns)
    {
        var contents = cluster.Store.FindAll(o => o.Namespace() == ns && o["metadata"]?["namespace"] is not null);
        foreach (var (groupResource, obj) in contents.Where(c => !c.Object.IsDeleting()))
        {
            if (Finalizing.TypeOf(cluster, groupResource) is { } type)
            {
                delete.Delete(type, ns, obj.Name(), new DeleteOptions("Background", null, null, DryRun: false));
            }
        }

        if (contents.Count > 0 && cluster.Store.FindAll(o => o.Namespace() == ns && o["metadata"]?["namespace"] is not null).Count > 0)
        {
            return;
        }

        var namespaces = cluster.Registry.BuiltIn("", "v1", "namespaces");
        if (cluster.Store.Get(namespaces, "", ns) is { } found)
        {
            Finalizing.RemoveFinalizer(cluster, namespaces, found, "kubernetes", fromSpec: true);
        }
    }
}
