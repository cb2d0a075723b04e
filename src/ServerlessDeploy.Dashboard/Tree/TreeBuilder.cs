using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Resources;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>
/// An app's resource tree: its resources from the state, and what they own read live from its cluster. Without a cluster
/// (none recorded, or unreachable) the tree is the state's resources alone, with the reason.
/// </summary>
public sealed class TreeBuilder(ILiveResources live)
{
    public async Task<ResourceTree> BuildAsync(AppDetail detail, RecordedApplication recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(recorded);
        var app = new TreeRoot(new ResourceKey("argoproj.io", "Application", "", detail.Summary.Name), detail.Summary.Health is { } h ? new HealthLook(h, detail.Summary.LastOperation.Message) : null);
        var resources = detail.Resources
            .Select(r => new TreeRoot(new ResourceKey(r.Group, r.Kind, r.Namespace, r.Name), r.Health is { } health ? new HealthLook(health, r.HealthMessage ?? "") : null))
            .ToList();
        if (recorded.Application is not { } application)
        {
            return TreeLayout.Place(app, resources, [], recorded.Problem);
        }

        var (objects, unreachable) = await ReadAsync(application, resources.Select(r => r.Key), cancellationToken);
        return TreeLayout.Place(app, resources, objects, unreachable);
    }

    /// <summary>One list per kind and namespace of the app's resources, and of each child kind in those namespaces.</summary>
    private async Task<(IReadOnlyList<JsonObject> Objects, string? Unreachable)> ReadAsync(Application app, IEnumerable<ResourceKey> keys, CancellationToken cancellationToken)
    {
        var roots = keys.ToList();
        var namespaces = roots.Select(k => k.Namespace).Append(app.Destination.Namespace).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var lists = roots.Select(k => (k.Group, k.Kind, Namespace: k.Namespace))
            .Concat(namespaces.SelectMany(ns => ChildKinds.All.Select(c => (c.Group, c.Kind, Namespace: ns))))
            .Distinct()
            .ToList();
        var results = new LiveList[lists.Count];
        await Parallel.ForAsync(0, lists.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await live.ListAsync(app, lists[i].Group, lists[i].Kind, lists[i].Namespace, token));
        return ([.. results.SelectMany(r => r.Items)], results.Select(r => r.Unreachable).FirstOrDefault(u => u is not null));
    }
}
