using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes.Http;

namespace ServerlessDeploy.Kubernetes.Discovery;

/// <summary>
/// The kinds the cluster serves, read from the legacy discovery lists (/api/v1, /apis/{group}/{version}) once and
/// again when a kind is not found, since a CRD applied earlier in the same sync adds kinds.
/// </summary>
internal sealed class ApiDiscovery(ApiTransport transport)
{
    private IReadOnlyList<DiscoveredType>? _types;

    public async Task<ClusterResourceType?> FindAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        bool Match(DiscoveredType t) => t.Type.ApiVersion == apiVersion && t.Type.Kind == kind;
        var found = (await TypesAsync(refresh: false, cancellationToken)).FirstOrDefault(Match)
            ?? (await TypesAsync(refresh: true, cancellationToken)).FirstOrDefault(Match);
        return found?.Type;
    }

    public async Task<IReadOnlyList<ClusterResourceType>> ListableAsync(CancellationToken cancellationToken) =>
        (await TypesAsync(refresh: false, cancellationToken)).Where(t => t.Listable && t.Preferred).Select(t => t.Type).ToList();

    // Two concurrent misses may both load; the later list wins, and both are correct.
    private async Task<IReadOnlyList<DiscoveredType>> TypesAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _types) is { } known && !refresh)
        {
            return known;
        }

        var loaded = await LoadAsync(cancellationToken);
        Volatile.Write(ref _types, loaded);
        return loaded;
    }

    private async Task<IReadOnlyList<DiscoveredType>> LoadAsync(CancellationToken cancellationToken)
    {
        var types = new List<DiscoveredType>();
        types.AddRange(await ResourcesAsync("/api/v1", "", "v1", preferred: true, cancellationToken));
        var groups = await transport.SendAsync(HttpMethod.Get, "/apis", null, null, cancellationToken);
        if (!groups.Succeeded)
        {
            throw new ClusterUnavailableException($"discovery failed: {groups}");
        }

        var versions = (groups.Body?["groups"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(group =>
        {
            var name = group["name"]?.ToString() ?? "";
            var preferred = group["preferredVersion"]?["version"]?.ToString();
            return (group["versions"] as JsonArray ?? []).Select(v => v?["version"]?.ToString() ?? "").Select(version => (Name: name, Version: version, Preferred: version == preferred));
        }).ToList();
        // The group versions are independent reads: asked for together, kept in the server's order.
        var resources = await Task.WhenAll(versions.Select(v => ResourcesAsync($"/apis/{v.Name}/{v.Version}", v.Name, v.Version, v.Preferred, cancellationToken)));
        types.AddRange(resources.SelectMany(r => r));
        return types;
    }

    private async Task<IEnumerable<DiscoveredType>> ResourcesAsync(string path, string group, string version, bool preferred, CancellationToken cancellationToken)
    {
        var list = await transport.SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        if (!list.Succeeded)
        {
            throw new ClusterUnavailableException($"discovery of {path} failed: {list}");
        }

        return (list.Body?["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => r["name"]?.ToString() is { } name && !name.Contains('/', StringComparison.Ordinal))
            .Select(r => new DiscoveredType(
                new ClusterResourceType(group, version, r["kind"]?.ToString() ?? "", r["name"]!.ToString(), r["namespaced"]?.GetValue<bool>() ?? false),
                (r["verbs"] as JsonArray ?? []).Any(v => v?.ToString() == "list"),
                preferred));
    }
}
