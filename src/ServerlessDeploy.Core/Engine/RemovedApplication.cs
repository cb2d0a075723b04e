using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// What happens to an Application's resources when the Application itself is gone from Git: Argo CD deletes them only
/// when the Application carried its resources finalizer (in prune order: reverse waves and kinds); otherwise they stay
/// where they are, orphaned.
/// </summary>
/// <param name="scope">How far the deployer may read the cluster; within namespaces, the tracked resources are looked for
/// there and in the app's destination namespace (cluster-wide unless its access says otherwise).</param>
public sealed class RemovedApplication(IClusterClient cluster, TimeProvider time, int concurrency = SyncParallelism.Default, ReadScope? scope = null)
{
    private readonly ReadScope _scope = scope ?? ReadScope.ClusterWide;

    /// <summary>Argo CD's finalizer names: foreground (the default) and background deletion.</summary>
    public static bool DeletesResources(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Finalizers.Any(f => f is "resources-finalizer.argocd.argoproj.io" or "resources-finalizer.argocd.argoproj.io/foreground" or "resources-finalizer.argocd.argoproj.io/background");
    }

    /// <summary>The resources the cluster holds that carry the app's tracking, or why the cluster could not be read.</summary>
    public async Task<(IReadOnlyList<ResourceKey> Tracked, string? Unreadable)> TrackedAsync(Application app, CancellationToken cancellationToken)
    {
        var (_, tracked, unreadable) = await LiveState.ReadAsync(cluster, app, [], new Dictionary<ResourceKey, ClusterResourceType>(), _scope, concurrency, cancellationToken);
        return (tracked.Select(o => new Manifest(o).Key).ToList(), unreadable);
    }

    /// <summary>
    /// Deletes every resource the app tracks, in prune order; each deletion is one result. A resource that says
    /// Prune=false is left in place and reported, the conservative reading of that annotation.
    /// </summary>
    public async Task<SyncResult> DeleteResourcesAsync(Application app, CancellationToken cancellationToken)
    {
        var (_, tracked, unreadable) = await LiveState.ReadAsync(cluster, app, [], new Dictionary<ResourceKey, ClusterResourceType>(), _scope, concurrency, cancellationToken);
        if (unreadable is not null)
        {
            return SyncResult.Failed(app.Name, unreadable) with { Unreadable = unreadable };
        }

        var comparison = new ApplicationComparison(app, [], new Dictionary<ResourceKey, JsonObject>(), tracked, new Dictionary<ResourceKey, ClusterResourceType>(), [], []);
        var plan = SyncPlan.Build([], tracked, SyncPlanOptions.Default with { Prune = true });
        var request = new SyncRequest(Prune: true);
        var cursor = SyncCursors.New(app, plan, comparison, request, "", [], time);
        var outcome = await new SyncExecutor(cluster, time, concurrency, LiveReads.Of(comparison)).RunAsync(comparison, plan, request, cursor, cancellationToken);
        var results = outcome.Results.Concat(plan.Skipped.Select(s => new ResourceResult(s.Key, SyncPhase.Sync, 0, ResourceAction.PruneSkipped, true, s.Message))).ToList();
        var deleted = outcome.Results.Count(r => r.Action == ResourceAction.Pruned);
        return new SyncResult(app.Name, outcome.Succeeded, outcome.Succeeded ? $"{deleted} resources deleted, {plan.Skipped.Count} kept" : outcome.Message, results, null, []);
    }
}
