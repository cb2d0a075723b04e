using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Fleet;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// A reconcile tick's work for one cluster (or shard of its apps): one read of the cluster (<see cref="ClusterSnapshot"/>),
/// then each app judged as its own reconcile request would judge it. One that request would only compare — settled at
/// its branch head, or with automated sync off — is compared against the snapshot with the same comparer a sync uses,
/// rendered through the render cache, and what it finds is recorded as that request would record it (written only
/// when it changed). One that request would answer without writing anything — automated sync after a failed sync of
/// the same head, a head older than the deployed commit — is left as it is. An app that must sync (a new commit with
/// automated sync, drift with selfHeal) or that the snapshot cannot settle — a sync that runs or waits, a Rollout it
/// watches, a resource it has no object for, a render or comparison error — is sent to the deploy queue as the per-app
/// reconcile request it was before, so nothing is decided two ways.
/// </summary>
/// <remarks>
/// Each app is sent the moment it is judged. The apps that need no render (unsettled, left as they are) are judged
/// first, then those at a new commit (which may sync) are compared before those settled at theirs, so a changed app
/// does not wait for the renders of the others. Apps are otherwise judged in ordinal name order; at the invocation's
/// deadline less <see cref="PipelineSettings.DeadlineMargin"/> no more apps are looked at and no more renders start,
/// and the apps from the first one not judged on are handed on as one continuation of the pass
/// (<see cref="ComparePassRequest.After"/>).
/// </remarks>
public sealed partial class ComparePass(
    ConfigRepository config,
    ISourceRepository sources,
    DeployerStore store,
    IClusterConnector clusters,
    IManifestRenderer renderer,
    CachedRenders renders,
    IQueueSender deployQueue,
    PipelineSettings settings,
    TimeProvider time,
    int appsAtOnce = 8)
{
    /// <param name="deadline">When the host must answer (the Lambda deadline); null for no limit.</param>
    public async Task<ComparePassOutcome> RunAsync(ComparePassRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await config.LoadAsync(request.ConfigCommit, cancellationToken);
        var apps = snapshot.Apps
            .Where(a => request.Covers(ClusterShards.KeyOf(a.Application.Destination), a.Application.Name))
            .OrderBy(a => a.Application.Name, StringComparer.Ordinal)
            .ToList();
        if (apps.Count == 0)
        {
            return new ComparePassOutcome(request.Cluster, request.Shard, [], null, 0, 0);
        }

        var connection = clusters.Connect(apps[0].Application.Destination);
        if (!connection.IsConnected)
        {
            // Each app's own request records the destination's problem as its failed sync.
            var sent = apps.Select(a => Sent(a.Application, connection.Problem)).ToList();
            foreach (var verdict in sent)
            {
                await PassOnAsync(request, verdict, cancellationToken);
            }

            return new ComparePassOutcome(request.Cluster, request.Shard, sent, null, 0, 0);
        }

        // Where the deployer may read only its namespaces, each namespaced kind is listed in each app's namespace.
        var scope = connection.Scope.With(apps.Select(a => a.Application.Destination.Namespace));
        // The states first: a sync that ends after they are read but before the cluster is, changed StartedAt, so its
        // app is not recorded from a snapshot older than its state.
        var states = (await store.Reads.ListAppsAsync(cancellationToken)).ToDictionary(s => s.App, StringComparer.Ordinal);
        var (read, unreadable) = await ClusterSnapshot.ReadAsync(connection.Client, scope, cancellationToken);
        if (read is null)
        {
            return await UnreadableAsync(request, apps, unreadable ?? "the cluster could not be read", cancellationToken);
        }

        var run = new ComparePassRun(connection.Client, read, connection.Scope, snapshot, states, request);
        var verdicts = await JudgeAsync(apps, run, deadline - settings.DeadlineMargin, cancellationToken);
        var handedOn = await HandOnAsync(request, apps, verdicts, cancellationToken);
        return new ComparePassOutcome(request.Cluster, request.Shard, verdicts.OfType<AppVerdict>().ToList(), null, run.Hits, run.Misses) { HandedOn = handedOn };
    }

    /// <summary>
    /// The apps' verdicts, by their place in <paramref name="apps"/>: first each app whose verdict needs no render,
    /// sent as it is found, then the others rendered and compared, a few at once, in order, each sent when judged.
    /// Past <paramref name="stopBy"/> no app is looked at and no comparison starts, except the first of each, so a pass
    /// always gets somewhere; the apps not reached have no verdict.
    /// </summary>
    private async Task<AppVerdict?[]> JudgeAsync(List<ConfiguredApp> apps, ComparePassRun run, DateTimeOffset? stopBy, CancellationToken cancellationToken)
    {
        var verdicts = new AppVerdict?[apps.Count];
        var toCompare = new List<(int Index, AppState State, string Revision)>();
        for (var i = 0; i < apps.Count; i++)
        {
            // Branch lookups and checkouts in a cold container take time too: past the deadline the rest are handed on.
            if (i > 0 && Past(stopBy))
            {
                break;
            }

            var look = await GuardedAsync(apps[i], () => FirstLookAsync(apps[i], run, cancellationToken), failed => new FirstLook(failed), cancellationToken);
            if (look is { State: { } state, Revision: { } revision })
            {
                toCompare.Add((i, state, revision));
            }
            else if (look.Verdict is { } verdict)
            {
                verdicts[i] = verdict;
                await PassOnAsync(run.Request, verdict, cancellationToken);
            }
        }

        using var slots = new SemaphoreSlim(appsAtOnce);
        var comparing = new List<Task>();
        try
        {
            foreach (var settled in ChangedFirst(toCompare))
            {
                await slots.WaitAsync(cancellationToken);
                if (comparing.Count > 0 && Past(stopBy))
                {
                    break;
                }

                comparing.Add(CompareOneAsync(settled.Index, settled.State, settled.Revision));
            }
        }
        finally
        {
            // Cancelled while waiting for a slot, the comparisons already running end (they see the cancellation)
            // before the slots they release are disposed and before the pass answers.
            await Task.WhenAll(comparing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(comparing);
        return verdicts;

        async Task CompareOneAsync(int i, AppState state, string revision)
        {
            try
            {
                var verdict = await GuardedAsync(apps[i], () => CompareAsync(apps[i], state, revision, run, cancellationToken), failed => failed, cancellationToken);
                verdicts[i] = verdict;
                await PassOnAsync(run.Request, verdict, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>
    /// The apps to compare with those at a new commit (which may sync) before those settled at it, so a changed app
    /// does not wait behind the renders of the others; the first app keeps its place, so the first of a part to be
    /// compared is the first without a verdict and the continuation's cursor always moves on.
    /// </summary>
    private static IEnumerable<(int Index, AppState State, string Revision)> ChangedFirst(List<(int Index, AppState State, string Revision)> toCompare) =>
        toCompare.Take(1).Concat(toCompare.Skip(1).OrderBy(a => SettledState.SameCommit(a.State, a.Revision)));

    private bool Past(DateTimeOffset? stopBy) => stopBy is { } by && time.GetUtcNow() >= by;

    /// <summary>
    /// One look at an app. One app's source that cannot be fetched or checked out fails that app, not the pass: it is
    /// sent on, and its own request meets the same failure, records it and is retried as any per-app failure is.
    /// </summary>
    private static async Task<T> GuardedAsync<T>(ConfiguredApp app, Func<Task<T>> look, Func<AppVerdict, T> failed, CancellationToken cancellationToken)
    {
        try
        {
            return await look();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return failed(Sent(app.Application, $"could not be compared here: {e.Message}"));
        }
    }

    /// <summary>The cluster could not be read: said on each app's status (see <see cref="ReportUnreadableAsync"/>).</summary>
    private async Task<ComparePassOutcome> UnreadableAsync(ComparePassRequest request, List<ConfiguredApp> apps, string why, CancellationToken cancellationToken)
    {
        foreach (var app in apps)
        {
            await ReportUnreadableAsync(app.Application.Name, why, request, cancellationToken);
        }

        return new ComparePassOutcome(request.Cluster, request.Shard, apps.Select(a => new AppVerdict(a.Application.Name, AppVerdictKind.Unreadable, why)).ToList(), why, 0, 0);
    }

    private static AppVerdict Sent(Application app, string reason) => new(app.Name, AppVerdictKind.Sent, reason);
}
