using System.Collections.Concurrent;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Fleet;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// A reconcile tick's work for one cluster (or shard of its apps): one read of the cluster (<see cref="ClusterSnapshot"/>),
/// then every app settled at its branch head is compared against it with the same comparer a sync uses, rendered
/// through the render cache. What it finds is recorded as a compare-only request would record it (written only when
/// it changed). An app that must sync (drift with selfHeal) or that the snapshot cannot settle — a new commit, a sync
/// that failed, runs or waits, a Rollout it watches, a resource it has no object for, a render or comparison error —
/// is sent to the deploy queue as the per-app reconcile request it was before, so nothing is decided two ways.
/// </summary>
public sealed class ComparePass(
    ConfigRepository config,
    ISourceRepository sources,
    DeployerStore store,
    IClusterConnector clusters,
    IManifestRenderer renderer,
    CachedRenders renders,
    IQueueSender deployQueue,
    TimeProvider time,
    int appsAtOnce = 8)
{
    public async Task<ComparePassOutcome> RunAsync(ComparePassRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await config.LoadAsync(request.ConfigCommit, cancellationToken);
        var apps = snapshot.Apps
            .Where(a => ClusterShards.KeyOf(a.Application.Destination) == request.Cluster && ClusterShards.ShardOf(a.Application.Name, request.Shards) == request.Shard)
            .ToList();
        if (apps.Count == 0)
        {
            return new ComparePassOutcome(request.Cluster, request.Shard, [], null, 0, 0);
        }

        var connection = clusters.Connect(apps[0].Application.Destination);
        if (!connection.IsConnected)
        {
            // Each app's own request records the destination's problem as its failed sync.
            return await SentAsync(request, apps.Select(a => new AppVerdict(a.Application.Name, AppVerdictKind.Sent, connection.Problem)).ToList(), null, 0, 0, cancellationToken);
        }

        // Where the deployer may read only its namespaces, each namespaced kind is listed in each app's namespace.
        var scope = connection.Scope.With(apps.Select(a => a.Application.Destination.Namespace));
        // The states first: a sync that ends after they are read but before the cluster is, changed StartedAt, so its
        // app is not recorded from a snapshot older than its state.
        var states = (await store.Reads.ListAppsAsync(cancellationToken)).ToDictionary(s => s.App, StringComparer.Ordinal);
        var (read, unreadable) = await ClusterSnapshot.ReadAsync(connection.Client, scope, cancellationToken);
        if (read is null)
        {
            var why = unreadable ?? "the cluster could not be read";
            foreach (var app in apps)
            {
                await ReportUnreadableAsync(app.Application.Name, why, request, cancellationToken);
            }

            return new ComparePassOutcome(request.Cluster, request.Shard, apps.Select(a => new AppVerdict(a.Application.Name, AppVerdictKind.Unreadable, why)).ToList(), why, 0, 0);
        }

        var run = new PassRun(connection.Client, read, connection.Scope);
        var verdicts = new AppVerdict[apps.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, apps.Count), new ParallelOptions { MaxDegreeOfParallelism = appsAtOnce, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                verdicts[i] = await JudgeAsync(apps[i], snapshot, states.GetValueOrDefault(apps[i].Application.Name), run, request, token);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                // One app's source that cannot be fetched or checked out fails that app, not the pass: its own request
                // meets the same failure, records it and is retried as any per-app failure is.
                verdicts[i] = Sent(apps[i].Application, $"could not be compared here: {e.Message}");
            }
        });
        return await SentAsync(request, verdicts, null, run.Hits, run.Misses, cancellationToken);
    }

    /// <summary>One app: compared and recorded here when settled at its branch head, else sent on (see the class).</summary>
    private async Task<AppVerdict> JudgeAsync(ConfiguredApp configured, ConfigSnapshot snapshot, AppState? state, PassRun run, ComparePassRequest request, CancellationToken cancellationToken)
    {
        var app = configured.Application;
        if (Unsettled(state) is { } unsettled)
        {
            return Sent(app, unsettled);
        }

        if (state is not { Revision: { } deployed } || snapshot.ProjectOf(app) is null)
        {
            return Sent(app, "its project is not defined");
        }

        // One lookup per branch, shared by the pass's apps: it must not end with the one app that happened to start it.
        var lookup = await run.Revisions.GetOrAdd((app.Source.RepoUrl, app.Source.TargetRevision), key => sources.ResolveAsync(key.Repo, key.Revision, CancellationToken.None));
        if (lookup.Revision?.Id is not { } revision)
        {
            return Sent(app, $"{app.Source.TargetRevision} could not be resolved: {lookup.Problem}");
        }

        if (revision != deployed)
        {
            return Sent(app, $"{Revisions.Abbreviate(revision)} is not the deployed {Revisions.Abbreviate(deployed)}");
        }

        var rendered = await renders.RenderAsync(app, revision, state.ImageOverrides, async token => (await sources.CheckoutAsync(app.Source.RepoUrl, revision, token)).Root, cancellationToken);
        run.Rendered(rendered.Hit);
        if (!rendered.Result.Succeeded)
        {
            return Sent(app, $"render failed: {rendered.Result.Error}");
        }

        var engine = new SyncEngine(new SnapshotCluster(run.Cluster, run.Snapshot, app.Name), renderer, time, scope: run.Scope);
        var comparison = await engine.CompareAsync(app, rendered.Result, cancellationToken);
        if (comparison.Unreadable is { } unreadable)
        {
            await ReportUnreadableAsync(app.Name, unreadable, request, cancellationToken);
            return new AppVerdict(app.Name, AppVerdictKind.Unreadable, unreadable);
        }

        if (comparison.Errors.Count > 0)
        {
            return Sent(app, comparison.Errors[0]);
        }

        if (SnapshotGaps.Of(comparison) is [var gap, ..])
        {
            return Sent(app, $"{gap} is not in the cluster's snapshot");
        }

        var drifted = comparison.OutOfSync.Select(d => d.Key.ToString()).ToList();
        var automated = app.SyncPolicy.Automated;
        if (drifted.Count > 0 && automated is { SelfHeal: true })
        {
            return Sent(app, $"drift found ({string.Join(", ", drifted.Take(5))}); selfHeal is on");
        }

        var health = await engine.HealthAsync(comparison, cancellationToken);
        var compared = ComparedStatus.Of(state, drifted, health, automated is null, sameCommit: true, revision) with { Manifest = configured.Manifest };
        await RecordAsync(state, compared, request, cancellationToken);
        return new AppVerdict(app.Name, AppVerdictKind.Recorded, compared.Message);
    }

    /// <summary>Why the app is not the pass's to compare (null when it is): only an app whose last sync succeeded and that waits for nothing is.</summary>
    private static string? Unsettled(AppState? state) => state switch
    {
        null or { Revision: null } => "it was never synced",
        { Phase: not OperationPhase.Succeeded } => $"its last operation is {state.Phase}",
        { Waiting: not null } => "a sync of it waits",
        { WatchedRollouts.Count: > 0 } => "it has a Rollout to watch",
        _ => null,
    };

    private static AppVerdict Sent(Application app, string reason) => new(app.Name, AppVerdictKind.Sent, reason);

    /// <summary>
    /// Writes what the comparison found, when it differs from what is recorded, under the app's lease and only while
    /// the app is as the pass read it: a sync that began since is left to record its own.
    /// </summary>
    private async Task RecordAsync(AppState read, AppState compared, ComparePassRequest request, CancellationToken cancellationToken)
    {
        if (compared.SyncStatus == read.SyncStatus && compared.Health == read.Health && compared.Message == read.Message && compared.ComparedRevision == read.ComparedRevision && compared.Manifest == read.Manifest)
        {
            return;
        }

        await UnderLeaseAsync(read.App, request, async current =>
        {
            if (current is not null && current.Revision == read.Revision && current.Phase == read.Phase && current.StartedAt == read.StartedAt)
            {
                await store.Writes.PutAppAsync(current with { SyncStatus = compared.SyncStatus, ComparedRevision = compared.ComparedRevision, Health = compared.Health, Message = compared.Message, Manifest = compared.Manifest }, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The cluster could not be read: said on the app's status, its phase kept, so the next tick compares it again
    /// rather than sending every app of an unreachable cluster on its own way.
    /// </summary>
    private async Task ReportUnreadableAsync(string app, string unreadable, ComparePassRequest request, CancellationToken cancellationToken)
    {
        var message = $"comparison failed: {unreadable} (compared again at the next reconcile)";
        await UnderLeaseAsync(app, request, async current =>
        {
            if (current?.Message != message)
            {
                await store.Writes.PutAppAsync((current ?? AppState.New(app)) with { Message = message }, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="write"/> with the app's state read under its lease; a lease held elsewhere (a sync) skips it.</summary>
    private async Task UnderLeaseAsync(string app, ComparePassRequest request, Func<AppState?, Task> write, CancellationToken cancellationToken)
    {
        var owner = $"compare:{request.PassId}";
        var now = time.GetUtcNow();
        if (!await store.Leases.TryAcquireLeaseAsync(app, owner, now + TimeSpan.FromMinutes(1), now, cancellationToken))
        {
            return;
        }

        try
        {
            await write(await store.Reads.GetAppAsync(app, cancellationToken));
        }
        finally
        {
            await store.Leases.ReleaseLeaseAsync(app, owner, CancellationToken.None);
        }
    }

    /// <summary>Sends each app the pass did not settle to the deploy queue, as a tick's per-app request.</summary>
    private async Task<ComparePassOutcome> SentAsync(
        ComparePassRequest request, IReadOnlyList<AppVerdict> verdicts, string? unreadable, int hits, int misses, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var verdict in verdicts.Where(v => v.Kind == AppVerdictKind.Sent))
        {
            var deploy = new DeployRequest(verdict.App, DeployReason.Reconcile, null, DeploymentIds.Of("reconcile", verdict.App, request.PassId), now, "reconcile")
            {
                ConfigCommit = request.ConfigCommit,
            };
            await deployQueue.SendAsync(new QueueMessage(DeployRequestJson.Serialize(deploy), deploy.App, deploy.DeploymentId), cancellationToken);
        }

        return new ComparePassOutcome(request.Cluster, request.Shard, verdicts, unreadable, hits, misses);
    }

    /// <summary>
    /// What one pass shares across its apps: the cluster, its snapshot, each branch resolved once, and the render cache's
    /// tally. Each app reads within the cluster's scope as its own request would (not the pass's wider one), so both
    /// look for what it left behind in the same namespaces.
    /// </summary>
    private sealed class PassRun(IClusterClient cluster, ClusterSnapshot snapshot, ReadScope scope)
    {
        private int _hits;
        private int _misses;

        public IClusterClient Cluster { get; } = cluster;

        public ClusterSnapshot Snapshot { get; } = snapshot;

        public ReadScope Scope { get; } = scope;

        public ConcurrentDictionary<(string Repo, string Revision), Task<RevisionLookup>> Revisions { get; } = new();

        public int Hits => Volatile.Read(ref _hits);

        public int Misses => Volatile.Read(ref _misses);

        public void Rendered(bool hit) => Interlocked.Increment(ref hit ? ref _hits : ref _misses);
    }
}
