using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Fleet;

/// <summary>
/// The cluster as one app's comparison sees it during a compare pass: discovery, lists and namespace reads are answered
/// from the <see cref="ClusterSnapshot"/>; everything else (a dry-run apply that confirms a difference, a kind or
/// namespace outside the snapshot) goes to the cluster. A list of a kind in a namespace holds the objects labelled as
/// <paramref name="app"/>'s only (each answer is a copy, so apps compared at once share nothing): an object the render
/// names that the list lacks may still exist untracked or as another app's, so the pass hands such an app to the
/// per-app path, which reads it whole.
/// </summary>
public sealed class SnapshotCluster(IClusterClient cluster, ClusterSnapshot snapshot, string app) : IClusterClient
{
    private static readonly string SelectorPrefix = AppTracking.Label + "=";

    public Task<TypeLookup> FindTypeAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        snapshot.Types.Types.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind) is { } type
            ? Task.FromResult(TypeLookup.Found(type))
            : cluster.FindTypeAsync(apiVersion, kind, cancellationToken);

    public Task<ServedTypes> ListableTypesAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot.Types);

    public Task<ClusterResponse> GetAsync(ClusterResourceType type, string ns, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is { Group: "", Kind: "Namespace" } && snapshot.TryNamespace(name, out var found))
        {
            return Task.FromResult(found is null ? new ClusterResponse(404, null, "NotFound", $"namespaces \"{name}\" not found") : new ClusterResponse(200, found.DeepClone().AsObject(), null, null));
        }

        return cluster.GetAsync(type, ns, name, cancellationToken);
    }

    public Task<ClusterResponse> ListAsync(ClusterResourceType type, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var label = labelSelector is null ? AppTracking.LabelValue(app)
            : labelSelector.StartsWith(SelectorPrefix, StringComparison.Ordinal) && !labelSelector.Contains(',', StringComparison.Ordinal) ? labelSelector[SelectorPrefix.Length..]
            : null;
        if (label is not null && snapshot.Covers(type, ns))
        {
            var items = new JsonArray();
            foreach (var item in snapshot.Items(type, ns, label))
            {
                items.Add(item.DeepClone());
            }

            return Task.FromResult(new ClusterResponse(200, new JsonObject { ["kind"] = $"{type.Kind}List", ["apiVersion"] = type.ApiVersion, ["items"] = items }, null, null));
        }

        return cluster.ListAsync(type, ns, labelSelector, cancellationToken);
    }

    public Task<ClusterResponse> ApplyAsync(ClusterResourceType type, JsonObject manifest, ApplyOptions options, CancellationToken cancellationToken) =>
        cluster.ApplyAsync(type, manifest, options, cancellationToken);

    public Task<ClusterResponse> JsonPatchAsync(ClusterResourceType type, string ns, string name, JsonArray patch, CancellationToken cancellationToken) =>
        cluster.JsonPatchAsync(type, ns, name, patch, cancellationToken);

    public Task<ClusterResponse> MergePatchAsync(
        ClusterResourceType type, string ns, string name, JsonObject patch, string fieldManager, string? subresource, CancellationToken cancellationToken) =>
        cluster.MergePatchAsync(type, ns, name, patch, fieldManager, subresource, cancellationToken);

    public Task<ClusterResponse> CreateAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken) =>
        cluster.CreateAsync(type, manifest, dryRun, validate, cancellationToken);

    public Task<ClusterResponse> ReplaceAsync(ClusterResourceType type, JsonObject manifest, bool dryRun, bool validate, CancellationToken cancellationToken) =>
        cluster.ReplaceAsync(type, manifest, dryRun, validate, cancellationToken);

    public Task<ClusterResponse> EvictAsync(string ns, string pod, CancellationToken cancellationToken) =>
        cluster.EvictAsync(ns, pod, cancellationToken);

    public Task<ClusterResponse> DeleteAsync(ClusterResourceType type, string ns, string name, string propagationPolicy, CancellationToken cancellationToken) =>
        cluster.DeleteAsync(type, ns, name, propagationPolicy, cancellationToken);
}
