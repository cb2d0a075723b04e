using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes.Http;

namespace ServerlessDeploy.Kubernetes.Discovery;

/// <summary>
/// The kinds the cluster serves, read once and again when a kind is not found, since a CRD applied earlier in the
/// same sync adds kinds. Aggregated discovery (apidiscovery.k8s.io/v2, served since Kubernetes 1.26 and GA in 1.30)
/// answers every group in two requests, as kubectl reads it; older servers answer with the legacy lists
/// (/api/v1, /apis/{group}/{version}), one request per group version. What was read is kept in
/// <paramref name="cache"/> under <paramref name="server"/>, for every connection to the same server to use.
/// </summary>
internal sealed class ApiDiscovery(ApiTransport transport, DiscoveryCache cache, string server)
{
    private const string AggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";

    public async Task<TypeLookup> FindAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        bool Match(DiscoveredType t) => t.Type.ApiVersion == apiVersion && t.Type.Kind == kind;
        var known = await TypesAsync(refresh: false, cancellationToken);
        if (known.Unreadable is { } unreadable)
        {
            // A server that could not be read just now is not asked again for the same lookup.
            return TypeLookup.Failed(unreadable);
        }

        if (known.Types.FirstOrDefault(Match) is { } found)
        {
            return TypeLookup.Found(found.Type);
        }

        var refreshed = await TypesAsync(refresh: true, cancellationToken);
        return refreshed.Unreadable is { } failed ? TypeLookup.Failed(failed) : TypeLookup.Found(refreshed.Types.FirstOrDefault(Match)?.Type);
    }

    public async Task<ServedTypes> ListableAsync(CancellationToken cancellationToken)
    {
        var (types, unreadable) = await TypesAsync(refresh: false, cancellationToken);
        return unreadable is not null ? ServedTypes.Failed(unreadable) : new ServedTypes(types.Where(t => t.Listable && t.Preferred).Select(t => t.Type).ToList(), null);
    }

    // Two concurrent misses may both load; the later list wins, and both are correct. A failed load is not kept.
    private async Task<(IReadOnlyList<DiscoveredType> Types, string? Unreadable)> TypesAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && cache.Fresh(server) is { } known)
        {
            return (known, null);
        }

        var loaded = await LoadAsync(cancellationToken);
        if (loaded.Unreadable is null)
        {
            cache.Keep(server, loaded.Types);
        }

        return loaded;
    }

    private async Task<(IReadOnlyList<DiscoveredType> Types, string? Unreadable)> LoadAsync(CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Get("/api"), Get("/apis"));
        if (answers.FirstOrDefault(a => !a.Response.Succeeded) is { Response: not null } failed)
        {
            return ([], $"discovery of {failed.Path} failed: {failed.Response}");
        }

        return answers.All(a => a.Response.Body?["kind"]?.ToString() == "APIGroupDiscoveryList")
            ? (answers.Select(a => a.Response.Body).OfType<JsonObject>().SelectMany(Aggregated).ToList(), null)
            : await LegacyAsync(answers[1].Response, cancellationToken);

        async Task<(string Path, ClusterResponse Response)> Get(string path) =>
            (path, await transport.SendAsync(HttpMethod.Get, path, null, null, cancellationToken, AggregatedAccept));
    }

    /// <summary>The groups of one APIGroupDiscoveryList; each group lists its versions in order of preference.</summary>
    private static IEnumerable<DiscoveredType> Aggregated(JsonObject list) =>
        (list["items"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(group =>
        {
            var name = group["metadata"]?["name"]?.ToString() ?? "";
            return (group["versions"] as JsonArray ?? []).OfType<JsonObject>().SelectMany((version, index) =>
                (version["resources"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new DiscoveredType(
                    new ClusterResourceType(name, version["version"]?.ToString() ?? "", r["responseKind"]?["kind"]?.ToString() ?? "", r["resource"]?.ToString() ?? "", r["scope"]?.ToString() == "Namespaced"),
                    Listable(r),
                    index == 0)));
        });

    /// <param name="groups">The /apis answer in its legacy form, an APIGroupList.</param>
    private async Task<(IReadOnlyList<DiscoveredType> Types, string? Unreadable)> LegacyAsync(ClusterResponse groups, CancellationToken cancellationToken)
    {
        var core = await ResourcesAsync("/api/v1", "", "v1", preferred: true, cancellationToken);
        if (core.Unreadable is not null)
        {
            return ([], core.Unreadable);
        }

        var versions = (groups.Body?["groups"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(group =>
        {
            var name = group["name"]?.ToString() ?? "";
            var preferred = group["preferredVersion"]?["version"]?.ToString();
            return (group["versions"] as JsonArray ?? []).Select(v => v?["version"]?.ToString() ?? "").Select(version => (Name: name, Version: version, Preferred: version == preferred));
        }).ToList();
        // The group versions are independent reads: asked for together, kept in the server's order.
        var resources = await Task.WhenAll(versions.Select(v => ResourcesAsync($"/apis/{v.Name}/{v.Version}", v.Name, v.Version, v.Preferred, cancellationToken)));
        // The first failure in the server's order is the one reported.
        return resources.FirstOrDefault(r => r.Unreadable is not null) is { Unreadable: { } unreadable }
            ? ([], unreadable)
            : ([.. core.Types, .. resources.SelectMany(r => r.Types)], null);
    }

    private async Task<(IEnumerable<DiscoveredType> Types, string? Unreadable)> ResourcesAsync(string path, string group, string version, bool preferred, CancellationToken cancellationToken)
    {
        var list = await transport.SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        if (!list.Succeeded)
        {
            return ([], $"discovery of {path} failed: {list}");
        }

        // A name with a slash is a subresource (deployments/scale), not a type.
        return ((list.Body?["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(r => r["name"]?.ToString() is { } name && !name.Contains('/', StringComparison.Ordinal)
                ? new DiscoveredType(new ClusterResourceType(group, version, r["kind"]?.ToString() ?? "", name, r["namespaced"]?.GetValue<bool>() ?? false), Listable(r), preferred)
                : null)
            .OfType<DiscoveredType>(), null);
    }

    private static bool Listable(JsonObject resource) => (resource["verbs"] as JsonArray ?? []).Any(v => v?.ToString() == "list");
}
