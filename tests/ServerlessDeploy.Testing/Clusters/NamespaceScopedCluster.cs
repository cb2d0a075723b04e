using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Testing.Clusters;

/// <summary>
/// A cluster as namespace-scoped access sees it (an EKS access entry with AmazonEKSEditPolicy in
/// <paramref name="namespaces"/>, which the local API server cannot enforce): requests in those namespaces go through,
/// and so do discovery and a GET of one of those namespaces; a list across all namespaces, anything in another
/// namespace and anything else cluster-scoped is answered 403 Forbidden, as Kubernetes RBAC answers it. Every request
/// is recorded, refused or not.
/// </summary>
public sealed class NamespaceScopedCluster(IClusterClient cluster, IReadOnlyCollection<string> namespaces) : IClusterClient
{
    private readonly ConcurrentQueue<ScopedRequest> _requests = new();

    /// <summary>What was asked, in order.</summary>
    public IReadOnlyList<ScopedRequest> Requests => [.. _requests];

    /// <summary>The requests that were refused.</summary>
    public IReadOnlyList<ScopedRequest> Refused => Requests.Where(r => r.Refused).ToList();

    public Task<TypeLookup> FindTypeAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        cluster.FindTypeAsync(apiVersion, kind, cancellationToken);

    public Task<ServedTypes> ListableTypesAsync(CancellationToken cancellationToken) => cluster.ListableTypesAsync(cancellationToken);

    public Task<ClusterResponse> GetAsync(ClusterResourceType type, string ns, string name, CancellationToken cancellationToken) =>
        Allowed("get", type, type is { Group: "", Kind: "Namespace" } ? name : ns, () => cluster.GetAsync(type, ns, name, cancellationToken));

    public Task<ClusterResponse> ListAsync(ClusterResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken) =>
        Allowed("list", type, ns, () => cluster.ListAsync(type, ns, labelSelector, cancellationToken));

    public Task<ClusterResponse> ApplyAsync(ClusterResourceType type, JsonObject manifest, ApplyOptions options, CancellationToken cancellationToken) =>
        Allowed("apply", type, NamespaceOf(manifest), () => cluster.ApplyAsync(type, manifest, options, cancellationToken));

    public Task<ClusterResponse> JsonPatchAsync(ClusterResourceType type, string ns, string name, JsonArray patch, CancellationToken cancellationToken) =>
        Allowed("patch", type, ns, () => cluster.JsonPatchAsync(type, ns, name, patch, cancellationToken));

    public Task<ClusterResponse> MergePatchAsync(
        ClusterResourceType type, string ns, string name, JsonObject patch, string fieldManager, string? subresource, CancellationToken cancellationToken) =>
        Allowed("patch", type, ns, () => cluster.MergePatchAsync(type, ns, name, patch, fieldManager, subresource, cancellationToken));

    public Task<ClusterResponse> CreateAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken) =>
        Allowed("create", type, NamespaceOf(manifest), () => cluster.CreateAsync(type, manifest, dryRun, validate, cancellationToken));

    public Task<ClusterResponse> ReplaceAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken) =>
        Allowed("update", type, NamespaceOf(manifest), () => cluster.ReplaceAsync(type, manifest, dryRun, validate, cancellationToken));

    public Task<ClusterResponse> EvictAsync(string ns, string pod, CancellationToken cancellationToken) =>
        Allowed("create", new ClusterResourceType("", "v1", "Pod", "pods", true), ns, () => cluster.EvictAsync(ns, pod, cancellationToken));

    public Task<ClusterResponse> DeleteAsync(ClusterResourceType type, string ns, string name, string propagationPolicy, CancellationToken cancellationToken) =>
        Allowed("delete", type, ns, () => cluster.DeleteAsync(type, ns, name, propagationPolicy, cancellationToken));

    /// <param name="ns">The namespace the request is in; for a Namespace itself, its name (RBAC lets a namespace's role read it).</param>
    private Task<ClusterResponse> Allowed(string verb, ClusterResourceType type, string? ns, Func<Task<ClusterResponse>> send)
    {
        var inScope = (type.Namespaced || (type is { Group: "", Kind: "Namespace" } && verb == "get")) && ns is { Length: > 0 } && namespaces.Contains(ns);
        _requests.Enqueue(new ScopedRequest(verb, type.Plural, type.Namespaced ? ns : null, !inScope));
        if (inScope)
        {
            return send();
        }

        var where = ns is { Length: > 0 } && type.Namespaced ? $"in the namespace \"{ns}\"" : "at the cluster scope";
        return Task.FromResult(new ClusterResponse(403, null, "Forbidden", $"{type.Plural} is forbidden: User \"serverless-deploy\" cannot {verb} resource \"{type.Plural}\" in API group \"{type.Group}\" {where}"));
    }

    private static string NamespaceOf(JsonObject manifest) => manifest["metadata"]?["namespace"]?.GetValue<string>() ?? "";
}
