using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Reads what the cluster holds for an application with one list per kind and namespace it renders (so a thousand
/// resources cost a handful of requests), plus one labelled list per served kind for what it tracks. Within a
/// namespace scope (namespace-scoped access) nothing cluster-scoped is listed, and each tracked kind is listed in the
/// app's destination namespace, the namespaces its render names and those of the scope. The lists are
/// independent, so they are sent <paramref name="concurrency"/> at a time rather than one after another. A list that
/// fails makes the read unreadable: the failure comes back as a value, with nothing tracked, for the caller to report.
/// </summary>
internal static class LiveState
{
    /// <returns>Unreadable: why discovery or a list failed (e.g. "listing deployments failed: ..."); null when every list answered.</returns>
    public static async Task<(Dictionary<ResourceKey, JsonObject> Live, List<JsonObject> Tracked, string? Unreadable)> ReadAsync(
        IClusterClient cluster, Application app, IReadOnlyList<Manifest> desired, IReadOnlyDictionary<ResourceKey, ClusterResourceType> types, ReadScope scope, int concurrency, CancellationToken cancellationToken)
    {
        var live = new Dictionary<ResourceKey, JsonObject>();
        var wanted = desired.Select(m => m.Key).ToHashSet();
        var rendered = desired.Where(m => types.TryGetValue(m.Key, out var type) && (type.Namespaced || scope.IsClusterWide))
            .Select(m => (types[m.Key], m.Namespace)).Distinct().Select(p => (Type: p.Item1, Namespace: p.Item1.Namespaced ? p.Namespace : null, Selector: (string?)null)).ToList();
        var (renderedItems, renderedFailure) = await ListAllAsync(cluster, rendered, concurrency, cancellationToken);
        if (renderedFailure is not null)
        {
            return (live, [], renderedFailure);
        }

        foreach (var item in renderedItems.SelectMany(items => items))
        {
            var key = new Manifest(item).Key;
            if (wanted.Contains(key))
            {
                live[key] = item;
            }
        }

        var selector = $"{AppTracking.Label}={AppTracking.LabelValue(app.Name)}";
        var listable = await cluster.ListableTypesAsync(cancellationToken);
        if (listable.Unreadable is not null)
        {
            return (live, [], listable.Unreadable);
        }

        var reach = scope.With([app.Destination.Namespace, .. desired.Select(m => m.Namespace)]);
        var served = listable.Types.Where(type => type.Namespaced || reach.IsClusterWide)
            .SelectMany(type => type.Namespaced && reach.Namespaces is { } namespaces ? namespaces.Select(ns => (Type: type, Namespace: (string?)ns)) : [(Type: type, Namespace: (string?)null)])
            .Select(list => (list.Type, list.Namespace, Selector: (string?)selector)).ToList();
        var (servedItems, servedFailure) = await ListAllAsync(cluster, served, concurrency, cancellationToken);
        var tracked = servedFailure is null ? servedItems.SelectMany(items => items).Where(o => AppTracking.Owner(o)?.App == app.Name).ToList() : [];
        return (live, tracked, servedFailure);
    }

    /// <summary>The lists' items, in the order the lists were asked for, and the first failure in that order (null when none).</summary>
    private static async Task<(IEnumerable<JsonObject>[] Items, string? Failure)> ListAllAsync(
        IClusterClient cluster, List<(ClusterResourceType Type, string? Namespace, string? Selector)> lists, int concurrency, CancellationToken cancellationToken)
    {
        var items = new IEnumerable<JsonObject>[lists.Count];
        var failures = new string?[lists.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, lists.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) => (items[i], failures[i]) = await ListAsync(cluster, lists[i].Type, lists[i].Namespace, lists[i].Selector, token));
        return (items, failures.FirstOrDefault(f => f is not null));
    }

    private static async Task<(IEnumerable<JsonObject> Items, string? Failure)> ListAsync(
        IClusterClient cluster, ClusterResourceType type, string? ns, string? selector, CancellationToken cancellationToken)
    {
        var response = await cluster.ListAsync(type, ns, selector, cancellationToken);
        if (response.NotFound || response.StatusCode == 405)
        {
            // A kind from a CRD this render has not created yet has nothing to list.
            return ([], null);
        }

        if (!response.Succeeded)
        {
            return ([], $"listing {type.Plural} failed: {response}");
        }

        return ((response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item =>
        {
            item["apiVersion"] ??= type.ApiVersion;
            item["kind"] ??= type.Kind;
            return item;
        }).ToList(), null);
    }
}
