using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Reads what the cluster holds for an application with one list per kind and namespace it renders (so a thousand
/// resources cost a handful of requests), plus one labelled list per served kind for what it tracks.
/// </summary>
internal static class LiveState
{
    public static async Task<(Dictionary<ResourceKey, JsonObject> Live, List<JsonObject> Tracked)> ReadAsync(
        IClusterClient cluster, Application app, IReadOnlyList<Manifest> desired, IReadOnlyDictionary<ResourceKey, ClusterResourceType> types, CancellationToken cancellationToken)
    {
        var live = new Dictionary<ResourceKey, JsonObject>();
        var wanted = desired.Select(m => m.Key).ToHashSet();
        foreach (var (type, ns) in desired.Select(m => (types[m.Key], m.Namespace)).Distinct())
        {
            foreach (var item in await ListAsync(cluster, type, type.Namespaced ? ns : null, null, cancellationToken))
            {
                var key = new Manifest(item).Key;
                if (wanted.Contains(key))
                {
                    live[key] = item;
                }
            }
        }

        var tracked = new List<JsonObject>();
        var selector = $"{AppTracking.Label}={AppTracking.LabelValue(app.Name)}";
        foreach (var type in await cluster.ListableTypesAsync(cancellationToken))
        {
            tracked.AddRange((await ListAsync(cluster, type, null, selector, cancellationToken)).Where(o => AppTracking.Owner(o)?.App == app.Name));
        }

        return (live, tracked);
    }

    private static async Task<IEnumerable<JsonObject>> ListAsync(IClusterClient cluster, ClusterResourceType type, string? ns, string? selector, CancellationToken cancellationToken)
    {
        var response = await cluster.ListAsync(type, ns, selector, cancellationToken);
        if (response.NotFound || response.StatusCode == 405)
        {
            // A kind from a CRD this render has not created yet has nothing to list.
            return [];
        }

        if (!response.Succeeded)
        {
            throw new SyncAbortedException($"listing {type.Plural} failed: {response}");
        }

        return (response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item =>
        {
            item["apiVersion"] ??= type.ApiVersion;
            item["kind"] ??= type.Kind;
            return item;
        });
    }
}
