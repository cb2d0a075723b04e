using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Fleet;

/// <summary>
/// One read of a cluster for every app deployed to it: discovery once, then each listable kind once with the label
/// every tracked object carries (<c>serverless-deploy/app</c>, any value), across all namespaces or per namespace of
/// the scope; namespaces are listed whole, as a comparison asks whether a destination exists. What an app's comparison would list is then answered from here
/// (<see cref="SnapshotCluster"/>), so a thousand apps cost the API server what one does.
/// </summary>
public sealed class ClusterSnapshot
{
    private readonly Dictionary<ClusterResourceType, List<JsonObject>> _items;
    private readonly Dictionary<(ClusterResourceType Type, string Label), List<JsonObject>> _byLabel;
    private readonly Dictionary<(ClusterResourceType Type, string Namespace), List<JsonObject>> _byNamespace;
    private readonly Dictionary<string, JsonObject>? _namespaces;

    private ClusterSnapshot(ServedTypes types, Dictionary<ClusterResourceType, List<JsonObject>> items, Dictionary<string, JsonObject>? namespaces, ReadScope scope)
    {
        Types = types;
        _items = items;
        _namespaces = namespaces;
        Scope = scope;
        // Indexed once: a pass asks for each app's kinds by label and namespace, a thousand apps over the same lists.
        var all = items.SelectMany(p => p.Value.Select(o => (Type: p.Key, Item: o))).ToList();
        _byLabel = all.GroupBy(p => (p.Type, p.Item["metadata"]?["labels"]?[AppTracking.Label]?.GetValue<string>() ?? ""))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Item).ToList());
        _byNamespace = all.GroupBy(p => (p.Type, p.Item["metadata"]?["namespace"]?.GetValue<string>() ?? ""))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Item).ToList());
    }

    public ServedTypes Types { get; }

    public ReadScope Scope { get; }

    /// <summary>How many tracked objects the read found.</summary>
    public int Count => _items.Values.Sum(l => l.Count);

    /// <returns>The snapshot, or why the cluster could not be read (discovery or a list failed): nothing is compared then.</returns>
    public static async Task<(ClusterSnapshot? Snapshot, string? Unreadable)> ReadAsync(IClusterClient cluster, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(scope);
        var types = await cluster.ListableTypesAsync(cancellationToken);
        if (types.Unreadable is { } unreadable)
        {
            return (null, unreadable);
        }

        var namespaceType = scope.IsClusterWide ? types.Types.FirstOrDefault(IsNamespace) : null;
        // Namespace-scoped access reads namespaced kinds in its namespaces and nothing cluster-scoped: an app's
        // cluster-scoped resources are then not in the snapshot, and its comparison reads them from the cluster.
        var lists = types.Types.Where(t => t != namespaceType && (t.Namespaced || scope.IsClusterWide))
            .SelectMany(t => t.Namespaced && scope.Namespaces is { } namespaces ? namespaces.Select(n => (Type: t, Namespace: (string?)n)) : [(t, null)]).ToList();
        var answers = new (ClusterResourceType Type, List<JsonObject> Items, string? Failure)[lists.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, lists.Count), new ParallelOptions { MaxDegreeOfParallelism = Engine.SyncParallelism.Default, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var (type, ns) = lists[i];
            var response = await cluster.ListAsync(type, ns, AppTracking.Label, token);
            answers[i] = response.Succeeded || response.NotFound || response.StatusCode == 405
                ? (type, Items(response, type), null)
                : (type, [], $"listing {type.Plural}{(ns is null ? "" : $" in {ns}")} failed: {response}");
        });
        if (answers.FirstOrDefault(a => a.Failure is not null).Failure is { } failure)
        {
            return (null, failure);
        }

        var items = answers.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.SelectMany(a => a.Items).ToList());
        if (scope.Namespaces is { } scoped)
        {
            return await WithinNamespacesAsync(cluster, types, items, scope, scoped, cancellationToken);
        }

        if (namespaceType is null)
        {
            return (new ClusterSnapshot(types, items, null, scope), null);
        }

        // All namespaces are read anyway (an app's destination may exist untracked): the tracked ones come from that list.
        var response = await cluster.ListAsync(namespaceType, null, null, cancellationToken);
        if (!response.Succeeded)
        {
            return (null, $"listing namespaces failed: {response}");
        }

        var namespaces = Items(response, namespaceType);
        items[namespaceType] = namespaces.Where(n => n["metadata"]?["labels"]?[AppTracking.Label] is not null).ToList();
        return (new ClusterSnapshot(types, items, namespaces.ToDictionary(n => n["metadata"]?["name"]?.GetValue<string>() ?? "", StringComparer.Ordinal), scope), null);
    }

    private static bool IsNamespace(ClusterResourceType type) => type is { Group: "", Kind: "Namespace" };

    /// <summary>
    /// Namespace-scoped access: no cluster-scoped kind can be listed, so the snapshot holds none of them (an app's
    /// cluster-scoped resource is then a gap its own request reads), and each of the scope's namespaces is read once.
    /// </summary>
    private static async Task<(ClusterSnapshot? Snapshot, string? Unreadable)> WithinNamespacesAsync(
        IClusterClient cluster, ServedTypes types, Dictionary<ClusterResourceType, List<JsonObject>> items, ReadScope scope, IReadOnlyList<string> scoped, CancellationToken cancellationToken)
    {
        foreach (var type in types.Types.Where(t => !t.Namespaced))
        {
            items[type] = [];
        }

        var namespaces = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (types.Types.FirstOrDefault(IsNamespace) is { } namespaceType)
        {
            foreach (var name in scoped)
            {
                var response = await cluster.GetAsync(namespaceType, "", name, cancellationToken);
                if (response is { Succeeded: true, Body: { } found })
                {
                    namespaces[name] = found;
                }
                else if (!response.NotFound)
                {
                    return (null, $"reading namespace {name} failed: {response}");
                }
            }
        }

        return (new ClusterSnapshot(types, items, namespaces, scope), null);
    }

    /// <summary>The tracked objects of a kind in a namespace (all namespaces when null) whose label is <paramref name="labelValue"/> (any when null).</summary>
    public IEnumerable<JsonObject> Items(ClusterResourceType type, string? ns, string? labelValue) =>
        (labelValue, ns) switch
        {
            ({ } label, _) => (_byLabel.GetValueOrDefault((type, label)) ?? []).Where(o => ns is null || NamespaceOf(o) == ns),
            (null, { } name) => _byNamespace.GetValueOrDefault((type, name)) ?? [],
            _ => _items.GetValueOrDefault(type) ?? [],
        };

    /// <summary>
    /// Whether the snapshot holds every tracked object of this kind in this namespace. Across all namespaces (null) it
    /// holds those of the scope: where the deployer may read only its namespaces, that is all it could list.
    /// </summary>
    public bool Covers(ClusterResourceType type, string? ns) =>
        _items.ContainsKey(type) && (ns is null || !type.Namespaced || Scope.Includes(ns));

    /// <summary>
    /// False when the snapshot does not know the namespace (no Namespace kind served, or outside a namespace scope);
    /// otherwise true, with the namespace as read, or null when the cluster has none of that name.
    /// </summary>
    public bool TryNamespace(string name, out JsonObject? ns)
    {
        ns = _namespaces?.GetValueOrDefault(name);
        return _namespaces is not null && Scope.Includes(name);
    }

    private static string NamespaceOf(JsonObject item) => item["metadata"]?["namespace"]?.GetValue<string>() ?? "";

    private static List<JsonObject> Items(ClusterResponse response, ClusterResourceType type) =>
        (response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item =>
        {
            item["apiVersion"] ??= type.ApiVersion;
            item["kind"] ??= type.Kind;
            return item;
        }).ToList();
}
