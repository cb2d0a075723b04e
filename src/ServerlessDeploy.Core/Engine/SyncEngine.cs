using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Core.Sync.Hooks;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// The engine's façade: render an Application from its checked-out source, compare it with the cluster, and sync —
/// each a list of calls, one per stage. Nothing is written when rendering, comparing or planning fails.
/// </summary>
/// <param name="scope">How far the deployer may read the cluster (cluster-wide unless its access says otherwise); within
/// namespaces, an app's reads reach its destination namespace and the namespaces its render names.</param>
public sealed class SyncEngine(IClusterClient cluster, IManifestRenderer renderer, TimeProvider time, int concurrency = SyncParallelism.Default, ReadScope? scope = null)
{
    private readonly ReadScope _scope = scope ?? ReadScope.ClusterWide;

    public Task<RenderResult> RenderAsync(Application app, string repositoryRoot, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken) =>
        renderer.RenderAsync(new RenderRequest(app, repositoryRoot, imageOverrides), cancellationToken);

    /// <summary>Git against the cluster; a render failure comes back as the comparison's only error.</summary>
    public async Task<ApplicationComparison> CompareAsync(Application app, string repositoryRoot, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken)
    {
        // Discovery does not depend on the render: the two are under way at once.
        using var stopDiscovery = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var discovery = cluster.ListableTypesAsync(stopDiscovery.Token);
        var rendered = await RenderAsync(app, repositoryRoot, imageOverrides, cancellationToken);
        if (!rendered.Succeeded)
        {
            // The render's error is the one to report, at once: discovery is stopped and whatever it met is dropped.
            await stopDiscovery.CancelAsync();
            await discovery.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return RenderFailed(app, rendered);
        }

        if ((await discovery).Unreadable is { } unreadable)
        {
            return ApplicationComparison.NotRead(app, unreadable);
        }

        return await new Comparer(cluster, _scope, concurrency).CompareAsync(app, rendered.Manifests, cancellationToken);
    }

    /// <summary>Git, rendered already (a compare pass's render cache), against the cluster; a failed render is the comparison's only error.</summary>
    public async Task<ApplicationComparison> CompareAsync(Application app, RenderResult rendered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        if (!rendered.Succeeded)
        {
            return RenderFailed(app, rendered);
        }

        if ((await cluster.ListableTypesAsync(cancellationToken)).Unreadable is { } unreadable)
        {
            return ApplicationComparison.NotRead(app, unreadable);
        }

        return await new Comparer(cluster, _scope, concurrency).CompareAsync(app, rendered.Manifests, cancellationToken);
    }

    private static ApplicationComparison RenderFailed(Application app, RenderResult rendered) =>
        new(app, [], new Dictionary<Resources.ResourceKey, System.Text.Json.Nodes.JsonObject>(), [],
            new Dictionary<Resources.ResourceKey, ClusterResourceType>(), [], [$"render failed: {rendered.Error}"]);

    /// <summary>
    /// Syncs, and when the sync itself fails (not its input), tries again as spec.syncPolicy.retry says: up to its
    /// limit, waiting duration × factor^attempt, at most maxDuration, between tries.
    /// </summary>
    public async Task<SyncResult> SyncAsync(
        Application app, AppProject project, string repositoryRoot, string revision, SyncRequest request, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken)
    {
        var retry = app.SyncPolicy.Retry;
        for (var attempt = 0; ; attempt++)
        {
            var (result, retryable, comparison) = await SyncOnceAsync(app, project, repositoryRoot, revision, request, imageOverrides, cancellationToken);
            if (comparison is { Errors.Count: 0 })
            {
                result = result with { Images = RenderedSummary.Images(comparison.Desired), ManifestDigest = RenderedSummary.Digest(comparison.Desired) };
            }

            if (result.Succeeded || result.IsWaiting || result.IsSuperseded || !retryable || retry is null || attempt >= retry.Limit || request.DryRun)
            {
                return attempt == 0 || result.Succeeded ? result : result with { Message = $"{result.Message} (after {attempt + 1} attempts)" };
            }

            // A new attempt is a new cursor, written over the failed one, and compares afresh.
            request = request with { Cursor = null, Compared = null, FirstVersion = (result.Cursor?.Version ?? request.FirstVersion) + 1 };

            var wait = retry.Duration * Math.Pow(Math.Max(1, retry.Factor), attempt);
            await Task.Delay(wait < retry.MaxDuration ? wait : retry.MaxDuration, time, cancellationToken);
        }
    }

    private async Task<(SyncResult Result, bool Retryable, ApplicationComparison? Comparison)> SyncOnceAsync(
        Application app, AppProject project, string repositoryRoot, string revision, SyncRequest request, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken)
    {
        var comparison = request.Compared ?? await CompareAsync(app, repositoryRoot, imageOverrides, cancellationToken);
        if (comparison.Errors.Count > 0)
        {
            var failed = SyncResult.Failed(app.Name, string.Join("; ", comparison.Errors) + " (nothing was changed)", diffs: comparison.Diffs) with { Unreadable = comparison.Unreadable };
            return (failed, false, comparison);
        }

        var forbidden = ProjectPolicy.Violations(project, app, comparison.Desired.Select(m => (m, MissingKind.Namespaced(comparison, m))));
        if (forbidden.Count > 0)
        {
            return (SyncResult.Failed(app.Name, string.Join("; ", forbidden) + " (nothing was changed)", diffs: comparison.Diffs), false, comparison);
        }

        if (comparison.Desired.Count == 0 && app.SyncPolicy.Automated?.AllowEmpty != true)
        {
            return (SyncResult.Failed(app.Name, "the render produced no resources and allowEmpty is off: refusing to sync, nothing was deleted"), false, comparison);
        }

        var plan = SyncPlan.Build(IgnoredFieldsKept.Desired(comparison), [.. comparison.Live.Values, .. comparison.Tracked], PlanOptions(app, request, comparison));
        if (!plan.IsValid)
        {
            return (SyncResult.Failed(app.Name, string.Join("; ", plan.Errors.Select(e => $"{e.Key}: {e.Message}")) + " (nothing was changed)", diffs: comparison.Diffs), false, comparison);
        }

        var reads = LiveReads.Of(comparison);
        // Before the namespace: a definition that cannot be created leaves the cluster as it was.
        if (comparison.CreatesRolloutDefinition && !request.DryRun && await ManagedRolloutDefinition.EnsureAsync(cluster, reads, time, cancellationToken) is { } definitionError)
        {
            return (SyncResult.Failed(app.Name, definitionError, diffs: comparison.Diffs), true, comparison);
        }

        if (app.SyncPolicy.Options.CreateNamespace && !request.DryRun && await ManagedNamespace.EnsureAsync(cluster, app, reads, cancellationToken) is { } namespaceError)
        {
            return (SyncResult.Failed(app.Name, namespaceError, diffs: comparison.Diffs), true, comparison);
        }

        if (SyncCursors.For(app, plan, comparison, request, revision, imageOverrides, time) is not { } cursor)
        {
            return (SyncResult.Failed(app.Name, $"the manifests at {revision} are not those the waiting sync {request.Cursor?.Id} started with: refusing to continue it (nothing was changed)", diffs: comparison.Diffs), false, comparison);
        }

        var executed = await new SyncExecutor(cluster, time, concurrency, reads).RunAsync(comparison, plan, request, cursor, cancellationToken);
        var (succeeded, message, results, ran) = executed;
        if (ran.Status is CursorStatus.Waiting or CursorStatus.Superseded)
        {
            return (new SyncResult(app.Name, false, message, results, null, comparison.Diffs) { Cursor = ran, Rollouts = executed.Rollouts }, false, comparison);
        }

        results.AddRange(plan.Skipped.Select(s => new ResourceResult(s.Key, SyncPhase.Sync, 0, s.Reason == SkipReason.PruneDisabled ? ResourceAction.RequiresPruning : ResourceAction.Skipped, true, s.Message)));
        var health = request.DryRun ? null : await ResourceHealthAsync(comparison, reads, cancellationToken);
        var leftInSync = plan.Tasks.Where(t => t.InSync).Select(t => new ResourceResult(t.Key, t.Phase, t.Wave, ResourceAction.Unchanged, true, "") { Health = health?.GetValueOrDefault(t.Key) });
        return (new SyncResult(app.Name, succeeded, message, results, health is null ? null : HealthAggregate.Worst(health.Values).Status, comparison.Diffs)
        {
            Cursor = ran,
            Rollouts = executed.Rollouts,
            LeftInSync = [.. leftInSync],
        }, true, comparison);
    }

    private static SyncPlanOptions PlanOptions(Application app, SyncRequest request, ApplicationComparison comparison) => SyncPlanOptions.Default with
    {
        Prune = request.Prune,
        PruneLast = app.SyncPolicy.Options.PruneLast,
        ApplyOutOfSyncOnly = !request.ApplyAll && app.SyncPolicy.Options.ApplyOutOfSyncOnly,
        InSync = comparison.Diffs.Where(d => d.Status == SyncStatus.Synced && !d.Reapply).Select(d => d.Key).ToHashSet(),
        Replace = app.SyncPolicy.Options.Replace,
        Validate = app.SyncPolicy.Options.Validate,
        SkipDryRunOnMissingResource = app.SyncPolicy.Options.SkipDryRunOnMissingResource,
        SkipHooks = request.SkipHooks,
        Force = request.Force,
        Selected = request.Selected,
    };

    /// <summary>The worst health of the application's resources; hooks have no part in it.</summary>
    public async Task<HealthStatus> HealthAsync(ApplicationComparison comparison, CancellationToken cancellationToken) =>
        HealthAggregate.Worst((await ResourceHealthAsync(comparison, null, cancellationToken)).Values).Status;

    /// <summary>Each of the application's resources' health (null for a kind without one); hooks have no part in it.</summary>
    /// <param name="reads">The sync's lists: those read since its last write are not read again.</param>
    private async Task<Dictionary<Resources.ResourceKey, HealthResult?>> ResourceHealthAsync(ApplicationComparison comparison, LiveReads? reads, CancellationToken cancellationToken)
    {
        var resources = comparison.Desired.Where(m => m.Name.Length > 0 && !HookAnnotation.IsHook(m) && comparison.Types.ContainsKey(m.Key)).Select(m => (m.Key, comparison.Types[m.Key])).ToList();
        return await new HealthWaiter(cluster, time, reads).HealthOfAsync(resources, cancellationToken);
    }
}
