using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Cluster;

/// <summary>The Kubernetes API as the sync engine uses it. Implemented over KubernetesClient; failures come back as values.</summary>
public interface IClusterClient
{
    /// <summary>
    /// The served type of an apiVersion and kind, refreshing discovery once when it is unknown (a CRD just created);
    /// its type is null when not served, and its failure is set when discovery could not be read.
    /// </summary>
    Task<TypeLookup> FindTypeAsync(string apiVersion, string kind, CancellationToken cancellationToken);

    /// <summary>Every type that can be listed, for finding what an application tracks, or why discovery could not be read.</summary>
    Task<ServedTypes> ListableTypesAsync(CancellationToken cancellationToken);

    Task<ClusterResponse> GetAsync(ClusterResourceType type, string ns, string name, CancellationToken cancellationToken);

    /// <summary>Lists a type in one namespace, or across all when <paramref name="ns"/> is null.</summary>
    Task<ClusterResponse> ListAsync(ClusterResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken);

    Task<ClusterResponse> ApplyAsync(ClusterResourceType type, JsonObject manifest, ApplyOptions options, CancellationToken cancellationToken);

    /// <summary>A JSON patch (RFC 6902) of one object, as our field manager; used to move field ownership to it.</summary>
    Task<ClusterResponse> JsonPatchAsync(ClusterResourceType type, string ns, string name, JsonArray patch, CancellationToken cancellationToken);

    /// <summary>
    /// A JSON merge patch (RFC 7386) of one object, or of its <paramref name="subresource"/> (status), written as
    /// <paramref name="fieldManager"/>; a metadata.resourceVersion in the patch makes it conditional (409 when stale).
    /// </summary>
    Task<ClusterResponse> MergePatchAsync(
        ClusterResourceType type, string ns, string name, JsonObject patch, string fieldManager, string? subresource, CancellationToken cancellationToken);

    /// <param name="validate">False sends fieldValidation=Ignore instead of Strict.</param>
    Task<ClusterResponse> CreateAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken);

    /// <param name="validate">False sends fieldValidation=Ignore instead of Strict.</param>
    Task<ClusterResponse> ReplaceAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken);

    Task<ClusterResponse> DeleteAsync(ClusterResourceType type, string ns, string name, string propagationPolicy, CancellationToken cancellationToken);

    /// <summary>
    /// Evicts a pod (a policy/v1 Eviction posted to its eviction subresource): the API server deletes it unless a
    /// PodDisruptionBudget allows no disruption now, which answers 429 (<see cref="ClusterResponse.TooManyRequests"/>).
    /// </summary>
    Task<ClusterResponse> EvictAsync(string ns, string pod, CancellationToken cancellationToken);
}
