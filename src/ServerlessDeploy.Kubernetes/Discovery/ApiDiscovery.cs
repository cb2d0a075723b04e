using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes.Http;

namespace ServerlessDeploy.Kubernetes.Discovery;

/// <summary>
/// The kinds the cluster serves, read once and again when a kind is not found, since a CRD applied earlier in the
/// same sync adds kinds. Aggregated discovery (apidiscovery.k8s.io/v2, served since Kubernetes 1.26 and GA in 1.30)
/// answers every group in two requests, as kubectl reads it; older servers answer with the legacy lists
/// (/api/v1, /apis/{group}/{version}), one request per group version.
/// </summary>
internal sealed class ApiDiscovery(ApiTransport transport)
{
    private const string AggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
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
        var answers = await Task.WhenAll(Get("/api"), Get("/apis"));
        return answers.All(a => a.Body?["kind"]?.ToString() == "APIGroupDiscoveryList")
            ? answers.Select(a => a.Body).OfType<JsonObject>().SelectMany(Aggregated).ToList()
            : await LegacyAsync(answers[1], cancellationToken);

        async Task<ClusterResponse> Get(string path)
        {
            var answer = await transport.SendAsync(HttpMethod.Get, path, null, null, cancellationToken, AggregatedAccept);
            return answer.Succeeded ? answer : throw new ClusterUnavailableException($"discovery of {path} failed: {answer}");
        }
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
    private async Task<IReadOnlyList<DiscoveredType>> LegacyAsync(ClusterResponse groups, CancellationToken cancellationToken)
    {
        var types = new List<DiscoveredType>();
        types.AddRange(await ResourcesAsync("/api/v1", "", "v1", preferred: true, cancellationToken));
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
                Listable(r),
                preferred));
    }

    private static bool Listable(JsonObject resource) => (resource["verbs"] as JsonArray ?? []).Any(v => v?.ToString() == "list");
}
