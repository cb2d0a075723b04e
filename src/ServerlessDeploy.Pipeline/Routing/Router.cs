using System.Globalization;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Images;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Reconciling;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>
/// Finds the apps a trigger concerns and sends one deploy request per app to the deploy FIFO queue (group = app).
/// A Git push concerns the apps that track that repository and branch (while the pushed commit is still on it; the
/// branch's tip is deployed) and, in a monorepo, only those whose paths changed between the old and new commit (every
/// app of the repository after a force push or a new branch); a change to an Application's own file in the config
/// repository concerns that app. An image push concerns the apps whose Image Updater image-list names the image; a
/// reconcile tick a compare pass per cluster (and shard; <see cref="ReconcileFanOut"/>), or every app; a manual sync, rollback, refresh (reconciled as on a tick) or Rollout action the app it names.
/// </summary>
public sealed class Router(
    ConfigRepository config, ISourceRepository sources, PipelineSettings settings, IQueueSender deployQueue, IStateReads store, TimeProvider time)
{
    /// <param name="messageId">The intake message's id: what tells two manual requests for the same app apart.</param>
    /// <param name="receivedAt">When the event reached the pipeline (the intake message's sent time), carried on each request.</param>
    internal async Task<RouteResult> RouteAsync(Trigger trigger, string messageId, CancellationToken cancellationToken, DateTimeOffset? receivedAt = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var snapshot = await config.LoadAsync(cancellationToken);
        var notes = snapshot.Errors.Select(e => $"config {Revisions.Abbreviate(snapshot.Commit)}: {e}").ToList();
        var now = time.GetUtcNow();
        var requests = trigger switch
        {
            GitPushed push => await PushAsync(push, snapshot, notes, now, cancellationToken),
            ImagePushed image => ImagePush(image, snapshot, notes, now),
            ReconcileTick when settings.ReconcileFanOut == ReconcileFanOut.Cluster => [.. await RemovedAsync(snapshot, now, cancellationToken)],
            ReconcileTick tick => [
                .. snapshot.Apps.Select(a => Request(a, DeployReason.Reconcile, null, now, "reconcile", "reconcile", a.Application.Name, tick.Time.ToString("O", CultureInfo.InvariantCulture))),
                .. await RemovedAsync(snapshot, now, cancellationToken)],
            SyncRequested sync => Named(sync.App, snapshot, notes, a =>
                Request(a, DeployReason.Manual, sync.Revision, now, sync.Requester, "manual", a.Application.Name, messageId) with { Choices = sync.Choices.IsNone ? null : sync.Choices }),
            RollbackRequested rollback => Named(rollback.App, snapshot, notes, a => Request(a, DeployReason.Rollback, null, now, rollback.Requester, "rollback", a.Application.Name, messageId) with { HistoryId = rollback.HistoryId, Force = rollback.Force }),
            RefreshRequested refresh => Named(refresh.App, snapshot, notes, a => Request(a, DeployReason.Reconcile, null, now, refresh.Requester, "refresh", a.Application.Name, messageId)),
            RolloutActionRequested action => Named(action.App, snapshot, notes, a =>
                Request(a, DeployReason.RolloutAction, null, now, action.Requester, "rollout-action", a.Application.Name, messageId)
                    with { RolloutAction = new RolloutActionRequest(action.Namespace, action.Rollout, action.Action) { RestartIn = action.RestartIn } }),
            _ => throw new ArgumentException($"unknown trigger {trigger.GetType().Name}", nameof(trigger)),
        };
        foreach (var request in requests)
        {
            await deployQueue.SendAsync(new QueueMessage(DeployRequestJson.Serialize(request with { ReceivedAt = receivedAt, ConfigCommit = snapshot.Commit, EventMessageId = messageId }), request.App, request.DeploymentId), cancellationToken);
        }

        var passes = trigger is ReconcileTick reconcile && settings.ReconcileFanOut == ReconcileFanOut.Cluster ? ComparePasses(snapshot, reconcile, now) : [];
        foreach (var pass in passes)
        {
            await deployQueue.SendAsync(new QueueMessage(ComparePassJson.Serialize(pass), ClusterShards.GroupOf(pass.Cluster, pass.Shard), pass.PassId), cancellationToken);
        }

        return new RouteResult(requests, notes) { Passes = passes };
    }

    /// <summary>A tick's compare passes: one per cluster the Applications deploy to, and per shard of a cluster with more apps than a pass compares.</summary>
    private List<ComparePassRequest> ComparePasses(ConfigSnapshot snapshot, ReconcileTick tick, DateTimeOffset now) =>
        snapshot.Apps.GroupBy(a => ClusterShards.KeyOf(a.Application.Destination), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(cluster =>
            {
                var shards = ClusterShards.CountFor(cluster.Count(), settings.AppsPerComparePass);
                return Enumerable.Range(0, shards).Select(shard => new ComparePassRequest(
                    cluster.Key, shard, shards, DeploymentIds.Of("compare", cluster.Key, shard.ToString(CultureInfo.InvariantCulture), tick.Time.ToString("O", CultureInfo.InvariantCulture)), now)
                {
                    ConfigCommit = snapshot.Commit,
                });
            })
            .ToList();

    /// <summary>Apps the store knows that the config repository no longer has, and that were not handled as removed yet.</summary>
    private async Task<IEnumerable<DeployRequest>> RemovedAsync(ConfigSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await store.ListAppsAsync(cancellationToken))
            .Where(s => snapshot.Find(s.App) is null && s.Manifest is not null && s.SyncStatus is not (SyncStatusCode.Removed or SyncStatusCode.Orphaned))
            .Select(s => new DeployRequest(s.App, DeployReason.Removed, null, DeploymentIds.Of("removed", s.App, snapshot.Commit), now, "reconcile"));

    private async Task<List<DeployRequest>> PushAsync(GitPushed push, ConfigSnapshot snapshot, List<string> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requests = new List<DeployRequest>();
        var configPush = RepositoryMatch.Same(settings.ConfigRepoUrl, push.RepositoryName, push.RepositoryUrl) && push.Branch == settings.ConfigBranch;
        var changedByRepository = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var tips = new BranchTips(sources, push);
        foreach (var app in snapshot.Apps)
        {
            var source = app.Application.Source;
            var tip = RepositoryMatch.Same(source.RepoUrl, push.RepositoryName, push.RepositoryUrl)
                ? await tips.TipForAsync(source, notes, cancellationToken)
                : null;
            if (tip is null && !configPush)
            {
                continue;
            }

            var changedUrl = tip is not null ? source.RepoUrl : settings.ConfigRepoUrl;
            if (!changedByRepository.TryGetValue(changedUrl, out var changed))
            {
                changed = await ChangedPathsAsync(changedUrl, push, notes, cancellationToken);
                changedByRepository[changedUrl] = changed;
            }

            if (PushRequest(app, push, tip, changed, configPush, notes, now) is { } request)
            {
                requests.Add(request);
            }
        }

        if (requests.Count == 0 && notes.Count == 0)
        {
            notes.Add($"no app tracks {push.RepositoryName} branch {push.Branch}");
        }

        return requests;
    }

    /// <summary>
    /// The request a push makes for one app: at the tip when its tracked branch moved and the pushed range touched its
    /// paths (or its Application file), at the branch head when only its file in the config repository changed.
    /// </summary>
    private static DeployRequest? PushRequest(
        ConfiguredApp app, GitPushed push, string? tip, IReadOnlyList<string>? changed, bool configPush, List<string> notes, DateTimeOffset now)
    {
        var fileChanged = configPush && (changed is null || changed.Contains(app.File));
        if (tip is not null && (changed is null || ManifestPaths.Concern(app.Application, changed) || fileChanged))
        {
            // The paths changed by the pushed range decide; the tip is deployed, and as the id it lets later pushes' events dedupe.
            return Request(app, DeployReason.GitPush, tip, now, push.Source, "git", app.Application.Name, tip);
        }

        if (fileChanged)
        {
            return Request(app, DeployReason.GitPush, null, now, push.Source, "config", app.Application.Name, push.NewCommit);
        }

        if (tip is not null)
        {
            var path = app.Application.Source.Path;
            notes.Add($"{app.Application.Name}: no change under {(path.Length == 0 ? "/" : path)}");
        }

        return null;
    }

    /// <summary>
    /// Null when every path counts: a new branch, or a force push that replaced the old commit. Empty when a later force
    /// push replaced the pushed commit itself: that push's own event counts every path.
    /// </summary>
    private async Task<IReadOnlyList<string>?> ChangedPathsAsync(string repoUrl, GitPushed push, List<string> notes, CancellationToken cancellationToken)
    {
        if (push.OldCommit is not { Length: > 0 } old || old.All(c => c == '0'))
        {
            return null;
        }

        switch (await sources.CompareAsync(repoUrl, push.NewCommit, old, cancellationToken))
        {
            case RevisionOrder.Missing:
                notes.Add($"{push.RepositoryName}: {Revisions.Abbreviate(push.NewCommit)} is no longer in the repository (a later force push replaced it)");
                return [];
            case RevisionOrder.Same or RevisionOrder.Newer:
                return await sources.ChangedPathsAsync(repoUrl, old, push.NewCommit, cancellationToken);
            default:
                notes.Add($"{push.RepositoryName}: {Revisions.Abbreviate(old)} is not an ancestor of {Revisions.Abbreviate(push.NewCommit)} (force push): every app of the repository counts as changed");
                return null;
        }
    }

    private static List<DeployRequest> ImagePush(ImagePushed image, ConfigSnapshot snapshot, List<string> notes, DateTimeOffset now)
    {
        var requests = snapshot.Apps
            .Where(a => ImageUpdaterAnnotations.ListedImages(a.Application.Annotations).Contains(image.Image, StringComparer.OrdinalIgnoreCase))
            .Select(a => Request(a, DeployReason.ImagePush, null, now, "ecr", "image", a.Application.Name, image.Image, image.Tag, image.Digest) with { Image = image })
            .ToList();
        if (requests.Count == 0)
        {
            notes.Add($"no app's {ImageUpdaterAnnotations.ImageList} names {image.Image}");
        }

        return requests;
    }

    private static List<DeployRequest> Named(string name, ConfigSnapshot snapshot, List<string> notes, Func<ConfiguredApp, DeployRequest> request)
    {
        if (snapshot.Find(name) is { } app)
        {
            return [request(app)];
        }

        notes.Add($"no Application named '{name}' in the config repository at {Revisions.Abbreviate(snapshot.Commit)}");
        return [];
    }

    private static DeployRequest Request(ConfiguredApp app, DeployReason reason, string? revision, DateTimeOffset now, string initiator, params string[] idParts) =>
        new(app.Application.Name, reason, revision, DeploymentIds.Of(idParts), now, initiator);
}
