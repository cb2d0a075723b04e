using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Kubernetes.Http;

namespace ServerlessDeploy.Kubernetes;

/// <summary>The engine's cluster port over HTTP: discovery, reads, server-side apply, replace, delete and eviction.</summary>
public sealed class KubernetesCluster : IClusterClient
{
    private static readonly ClusterResourceType Pods = new("", "v1", "Pod", "pods", Namespaced: true);

    private readonly ApiTransport _transport;
    private readonly ApiDiscovery _discovery;

    /// <summary>Over a KubernetesClient built from a kubeconfig: its pipeline and credentials.</summary>
    /// <param name="discovery">Discovery shared with the process's other connections; null reads it afresh for this connection only.</param>
    public KubernetesCluster(k8s.Kubernetes client, TimeProvider? time = null, DiscoveryCache? discovery = null)
        : this(ClusterHttp.FromClient(client), time, discovery)
    {
    }

    /// <param name="discovery">Discovery shared with the process's other connections; null reads it afresh for this connection only.</param>
    public KubernetesCluster(ClusterHttp cluster, TimeProvider? time = null, DiscoveryCache? discovery = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var clock = time ?? TimeProvider.System;
        _transport = new ApiTransport(cluster, clock);
        // Without a shared cache, this connection keeps what it read for as long as it lives, as before there was one.
        _discovery = new ApiDiscovery(_transport, discovery ?? new DiscoveryCache(clock, TimeSpan.MaxValue), cluster.BaseUri.AbsoluteUri);
    }

    public Task<TypeLookup> FindTypeAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        _discovery.FindAsync(apiVersion, kind, cancellationToken);

    public Task<ServedTypes> ListableTypesAsync(CancellationToken cancellationToken) =>
        _discovery.ListableAsync(cancellationToken);

    public Task<ClusterResponse> GetAsync(ClusterResourceType type, string ns, string name, CancellationToken cancellationToken) =>
        _transport.SendAsync(HttpMethod.Get, ResourcePaths.Item(type, ns, name), null, null, cancellationToken);

    /// <summary>
    /// Read in pages of <see cref="ListPageSize"/>, following the continue token, so no answer of the API server holds
    /// a whole large kind; the pages' items come back as one list. A page that fails is the answer; an expired continue
    /// token (410) reads the whole list in one request instead.
    /// </summary>
    public async Task<ClusterResponse> ListAsync(ClusterResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        var path = ResourcePaths.Collection(type, ns);
        var limit = ListPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = await _transport.SendAsync(HttpMethod.Get, path + Query(("labelSelector", labelSelector), ("limit", limit)), null, null, cancellationToken);
        var items = first.Body?["items"] as JsonArray;
        var page = first;
        while (page.Succeeded && items is not null && Continue(page) is { } token)
        {
            page = await _transport.SendAsync(HttpMethod.Get, path + Query(("labelSelector", labelSelector), ("limit", limit), ("continue", token)), null, null, cancellationToken);
            if (page.StatusCode == 410)
            {
                // The continue token expired (etcd compacted): as client-go's pager, read the whole list at once instead.
                return await _transport.SendAsync(HttpMethod.Get, path + Query(("labelSelector", labelSelector)), null, null, cancellationToken);
            }

            if (!page.Succeeded)
            {
                return page;
            }

            if (page.Body?["items"] is JsonArray more)
            {
                var moved = more.ToList();
                more.Clear();
                moved.ForEach(items.Add);
            }
        }

        if (first.Body?["metadata"] is JsonObject metadata)
        {
            metadata.Remove("continue");
        }

        return first;
    }

    /// <summary>Items per list page: Argo CD's cluster cache reads in pages of 500 as well.</summary>
    public const int ListPageSize = 500;

    private static string? Continue(ClusterResponse page) =>
        page.Body?["metadata"]?["continue"]?.GetValue<string>() is { Length: > 0 } token ? token : null;

    public Task<ClusterResponse> ApplyAsync(ClusterResourceType type, JsonObject manifest, ApplyOptions options, CancellationToken cancellationToken)
    {
        var path = ResourcePaths.Item(type, Namespace(manifest), Name(manifest))
            + Query(("fieldManager", options.FieldManager), ("force", options.Force ? "true" : null), ("dryRun", options.DryRun ? "All" : null), ("fieldValidation", Validation(options.Validate)));
        return _transport.SendAsync(HttpMethod.Patch, path, manifest.ToJsonString(), "application/apply-patch+yaml", cancellationToken);
    }

    public Task<ClusterResponse> JsonPatchAsync(ClusterResourceType type, string ns, string name, JsonArray patch, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            HttpMethod.Patch, ResourcePaths.Item(type, ns, name) + Query(("fieldManager", ApplyOptions.Manager)), patch.ToJsonString(), "application/json-patch+json", cancellationToken);

    public Task<ClusterResponse> MergePatchAsync(
        ClusterResourceType type, string ns, string name, JsonObject patch, string fieldManager, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var path = ResourcePaths.Item(type, ns, name) + (subresource is null ? "" : $"/{subresource}") + Query(("fieldManager", fieldManager));
        return _transport.SendAsync(HttpMethod.Patch, path, patch.ToJsonString(), "application/merge-patch+json", cancellationToken);
    }

    public Task<ClusterResponse> CreateAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            HttpMethod.Post,
            ResourcePaths.Collection(type, Namespace(manifest)) + Query(("fieldManager", ApplyOptions.Manager), ("dryRun", dryRun ? "All" : null), ("fieldValidation", Validation(validate))),
            manifest.ToJsonString(),
            "application/json",
            cancellationToken);

    public Task<ClusterResponse> ReplaceAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken) =>
        _transport.SendAsync(
            HttpMethod.Put,
            ResourcePaths.Item(type, Namespace(manifest), Name(manifest)) + Query(("fieldManager", ApplyOptions.Manager), ("dryRun", dryRun ? "All" : null), ("fieldValidation", Validation(validate))),
            manifest.ToJsonString(),
            "application/json",
            cancellationToken);

    public Task<ClusterResponse> DeleteAsync(ClusterResourceType type, string ns, string name, string propagationPolicy, CancellationToken cancellationToken) =>
        _transport.SendAsync(HttpMethod.Delete, ResourcePaths.Item(type, ns, name) + Query(("propagationPolicy", propagationPolicy)), null, null, cancellationToken);

    public Task<ClusterResponse> EvictAsync(string ns, string pod, CancellationToken cancellationToken)
    {
        var eviction = new JsonObject
        {
            ["apiVersion"] = "policy/v1",
            ["kind"] = "Eviction",
            ["metadata"] = new JsonObject { ["name"] = pod, ["namespace"] = ns },
        };
        return _transport.SendAsync(HttpMethod.Post, ResourcePaths.Item(Pods, ns, pod) + "/eviction", eviction.ToJsonString(), "application/json", cancellationToken);
    }

    /// <summary>As kubectl sends it: --validate=false is fieldValidation=Ignore, validation on is Strict.</summary>
    private static string Validation(bool validate) => validate ? "Strict" : "Ignore";

    private static string Namespace(JsonObject manifest) => manifest["metadata"]?["namespace"]?.ToString() ?? "";

    private static string Name(JsonObject manifest) => manifest["metadata"]?["name"]?.ToString() ?? "";

    private static string Query(params (string Key, string? Value)[] parameters)
    {
        var present = parameters.Select(p => p.Value is { } value ? $"{p.Key}={Uri.EscapeDataString(value)}" : null).OfType<string>().ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
