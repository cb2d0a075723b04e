using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Argo CD's <c>Force=true</c> with <c>Replace=true</c>, which runs <c>kubectl replace --force</c>: the live object is
/// deleted (background propagation, as kubectl deletes), its removal is waited for, and the manifest is created afresh.
/// That is how a change to an immutable field (a Job's template, a Service's clusterIP) reaches the cluster. As in Argo
/// CD, a CustomResourceDefinition or a Namespace is never deleted this way (that would delete everything in it): the
/// caller updates those instead.
/// </summary>
internal sealed class ForceReplacement(IClusterClient cluster, TimeProvider time)
{
    /// <summary>kubectl replace --force's default wait for the deletion.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static bool NeverDeleted(ResourceKey key) =>
        (key.Group == "apiextensions.k8s.io" && key.Kind == "CustomResourceDefinition") || (key.Group.Length == 0 && key.Kind == "Namespace");

    public async Task<ClusterResponse> ReplaceAsync(ClusterResourceType type, ResourceKey key, JsonObject manifest, bool validate, CancellationToken cancellationToken)
    {
        var deleted = await cluster.DeleteAsync(type, key.Namespace, key.Name, "Background", cancellationToken);
        if (!deleted.Succeeded && !deleted.NotFound)
        {
            return deleted;
        }

        if (await WaitGoneAsync(type, key, cancellationToken) is { } problem)
        {
            return problem;
        }

        return await cluster.CreateAsync(type, manifest, dryRun: false, validate, cancellationToken);
    }

    /// <summary>Null once the object is gone; otherwise what stopped the wait.</summary>
    private async Task<ClusterResponse?> WaitGoneAsync(ClusterResourceType type, ResourceKey key, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + Timeout;
        while (true)
        {
            var current = await cluster.GetAsync(type, key.Namespace, key.Name, cancellationToken);
            if (current.NotFound)
            {
                return null;
            }

            if (!current.Succeeded)
            {
                return current;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return new ClusterResponse(0, null, "Timeout", $"Force=true: {key} was deleted but is still there after {Timeout.TotalMinutes:0} minutes; it was not created again");
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }
}
