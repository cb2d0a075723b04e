using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Git;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Carries out one deploy request under the app's lease: decides the commit (never an ancestor of the deployed one
/// unless it is a rollback), runs the sync engine with the invocation's deadline, records status and history, and
/// notifies. A redelivered request is recognised by its id and not carried out twice. A sync that must wait (a health
/// gate past the deadline) is saved as a cursor with a booked wake-up (<see cref="WakeAsync"/> continues it); a newer
/// deployment of the app supersedes it.
/// </summary>
public sealed partial class Deployer(
    ConfigRepository config,
    GitSources sources,
    IGitCredentialSource credentials,
    IStateStore store,
    IClusterConnector clusters,
    IManifestRenderer renderer,
    CompositeNotifier notifier,
    ImageUpdater images,
    PipelineSettings settings,
    TimeProvider time,
    SyncWaits waits)
{
    /// <summary>Notices go out after the status is recorded; one that fails is recorded, never thrown.</summary>
    private Notices Notices => new(notifier, store, time);

    /// <param name="deadline">When the host must answer (the Lambda deadline); null for no limit.</param>
    public Task<DeployOutcome> DeployAsync(DeployRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        DeployAsync(request, null, deadline, cancellationToken);

    /// <param name="source">The app's source already on disk (a CodePipeline input artifact), deployed instead of its Git
    /// repository; null means the repository.</param>
    /// <param name="deadline">When the host must answer (the Lambda deadline); null for no limit.</param>
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, DeploySource? source, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (await store.IsDoneAsync(request.DeploymentId, now, cancellationToken))
        {
            // A redelivery answers as the first delivery ended, so a retried pipeline job is not reported green after a failure.
            return await store.IsDoneAsync(FailedMark(request.DeploymentId), now, cancellationToken)
                ? DeployOutcome.Failed($"{request.App}: request {request.DeploymentId[..12]} was already carried out and failed: {(await store.GetAppAsync(request.App, cancellationToken))?.Message}")
                : await waits.CurrentAsync(request.App, cancellationToken) is { IsFinished: false } waiting && waiting.DeploymentId == request.DeploymentId
                    ? await AskedAgainAsync(waiting, deadline, cancellationToken)
                    : DeployOutcome.Skipped($"{request.App}: request {request.DeploymentId[..12]} was already carried out");
        }

        var owner = $"deploy:{request.DeploymentId}";
        if (!await store.TryAcquireLeaseAsync(request.App, owner, now + settings.LeaseDuration, now, cancellationToken))
        {
            var lease = await store.GetLeaseAsync(request.App, now, cancellationToken);
            return DeployOutcome.Retry($"{request.App}: another sync holds the app's lease ({lease?.Owner} until {lease?.ExpiresAt:O})");
        }

        try
        {
            var outcome = await DeployLockedAsync(request, source, deadline, cancellationToken);
            // Nothing is done for an app the config repository lacks, so a redelivery looks again (it may have been added).
            if (!outcome.KeepsMessage && outcome.Kind != DeployOutcomeKind.NotFound)
            {
                var until = time.GetUtcNow() + settings.IdempotencyWindow;
                if (outcome.Kind == DeployOutcomeKind.Failed)
                {
                    await store.TryMarkDoneAsync(FailedMark(request.DeploymentId), until, cancellationToken);
                }

                await store.TryMarkDoneAsync(request.DeploymentId, until, cancellationToken);
            }

            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await AskAgainAsync(request.App, e.Message, cancellationToken);
        }
        finally
        {
            await store.ReleaseLeaseAsync(request.App, owner, CancellationToken.None);
        }
    }

    private static string FailedMark(string deploymentId) => deploymentId + "#failed";

    /// <summary>The stages with the cursor's step times, and done when the sync ended (not while it waits).</summary>
    private OperationStages Staged(OperationStages stages, SyncResult result) => stages with
    {
        Steps = result.Cursor?.Steps.Select(s => new StepStage(s.Name, s.StartedAt, s.EndedAt)).ToList() ?? stages.Steps,
        DoneAt = result.IsWaiting || result.IsSuperseded ? null : time.GetUtcNow(),
    };

    /// <summary>
    /// The destination's cluster, or why there is none, naming the field: a destination no configured cluster matches is a
    /// failed sync, never a retry (asking again finds none either).
    /// </summary>
    private ClusterConnection Connect(Application app)
    {
        var connection = clusters.Connect(app.Destination);
        return connection.IsConnected ? connection : ClusterConnection.Unknown($"spec.destination: {connection.Problem}");
    }

    /// <summary>
    /// The request of a sync that waits, asked again (a CodePipeline job continued with its token): it wakes the sync
    /// when the wait is due, so a pipeline action needs no timer of its own; otherwise it answers that it waits.
    /// </summary>
    private async Task<DeployOutcome> AskedAgainAsync(SyncCursor waiting, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        waiting.Status == CursorStatus.Waiting && waiting.Wait?.WakeAt <= time.GetUtcNow()
            ? await WakeAsync(new WakeUp(waiting.App, waiting.Id, waiting.Position, waiting.Version), deadline, cancellationToken)
            : DeployOutcome.Waiting($"{waiting.App}: request {waiting.DeploymentId[..Math.Min(12, waiting.DeploymentId.Length)]} is under way: {waiting.Current?.Name}: {waiting.Message}");

    private async Task<DeployOutcome> DeployLockedAsync(DeployRequest request, DeploySource? source, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var snapshot = await config.LoadAsync(cancellationToken);
        if (request.Reason == DeployReason.Removed)
        {
            return snapshot.Find(request.App) is null
                ? await RemoveAsync(request.App, cancellationToken)
                : DeployOutcome.Skipped($"{request.App}: the Application is back in the config repository; nothing removed");
        }

        if (snapshot.Find(request.App) is not { } configured)
        {
            return DeployOutcome.NotFound(
                $"application '{request.App}' is not in the config repository {snapshot.RepoUrl}@{Revisions.Abbreviate(snapshot.Commit)}");
        }

        var app = configured.Application;
        var state = (await store.GetAppAsync(app.Name, cancellationToken) ?? AppState.New(app.Name)) with { Manifest = configured.Manifest };
        if (snapshot.ProjectOf(app) is not { } project)
        {
            return await FailAsync(state, request, $"spec.project: project '{app.Project}' is not defined in {settings.ProjectsPath}/", cancellationToken);
        }

        DeployTarget target;
        if (source is not null)
        {
            // An artifact has no Git history to resolve or compare: its revision is a label.
            target = new DeployTarget(source.Revision, RequestedImages.Over(state.ImageOverrides, request));
        }
        else if (request is { Reason: DeployReason.ImagePush, Image: { } pushed })
        {
            (target, state) = await ImageTargetAsync(app, state, pushed, cancellationToken);
        }
        else
        {
            target = await TargetAsync(request, app, state, cancellationToken);
        }

        if (target.Refusal is { } refusal)
        {
            return request.Reason == DeployReason.Rollback
                ? await FailAsync(state, request, refusal, cancellationToken)
                : DeployOutcome.Skipped($"{app.Name}: {refusal}");
        }

        var root = source?.Root ?? await CheckoutAsync(app, target.Revision, cancellationToken);
        var connection = Connect(app);
        if (!connection.IsConnected)
        {
            return await FailAsync(state, request, connection.Problem, cancellationToken);
        }

        var engine = new SyncEngine(connection.Client, renderer, time);
        if (await ComparedOnlyAsync(request, app, state, engine, root, target, cancellationToken) is { } compared)
        {
            return compared;
        }

        // Writing the new cursor over the app's current one, at the version read, supersedes a sync that waits.
        var previous = await waits.CurrentAsync(app.Name, cancellationToken);
        var syncRequest = new SyncRequest(
            Prune: app.SyncPolicy.Automated?.Prune ?? false,
            HealthTimeout: settings.HealthTimeout,
            StopBy: deadline - settings.DeadlineMargin,
            Checkpoint: waits.Checkpoint(previous?.Version))
        {
            DeploymentId = request.DeploymentId,
            FirstVersion = (previous?.Version ?? 0) + 1,
            LookAgainAfter = settings.ContinueAfter,
        };
        var superseding = previous is { IsFinished: false } ? $"; supersedes sync {previous.Id} ({previous.Current?.Name})" : "";
        var stages = new OperationStages(request.ReceivedAt, request.RequestedAt, request.QueuedAt, time.GetUtcNow(), null, []);
        var run = new SyncRun(app, project, state, root, target, request.Initiator, $"syncing to {Revisions.Abbreviate(target.Revision)} ({request.Reason}){superseding}", stages);
        return await RunAsync(run, engine, syncRequest, cancellationToken);
    }

    /// <summary>Runs the engine and records what came of it: a wait (wake-up booked), a supersession, or the end (status, history, notice).</summary>
    private async Task<DeployOutcome> RunAsync(SyncRun run, SyncEngine engine, SyncRequest syncRequest, CancellationToken cancellationToken)
    {
        var (app, target) = (run.Application, run.Target);
        var startedAt = syncRequest.Cursor?.StartedAt ?? time.GetUtcNow();
        var state = run.State with { Phase = OperationPhase.Running, StartedAt = startedAt, FinishedAt = null, Message = run.Message, Stages = run.Stages };
        await store.PutAppAsync(state, cancellationToken);
        var result = await engine.SyncAsync(app, run.Project, run.Root, target.Revision, syncRequest, target.ImageOverrides, cancellationToken);
        if (result.Unreadable is { } unreadable)
        {
            return await AskAgainAsync(app.Name, unreadable, cancellationToken);
        }

        state = state with { Stages = Staged(run.Stages, result) };
        if (result.IsSuperseded)
        {
            return DeployOutcome.Skipped($"{app.Name}: {result.Message}");
        }

        // A waiting cursor always carries its wait (a step that waits says until when).
        if (result.IsWaiting && result.Cursor.Wait is { } wait)
        {
            await waits.BookAsync(result.Cursor, wait, cancellationToken);
            await store.PutAppAsync(state with { Message = result.Message, Resources = StatusRecords.Resources(result) }, cancellationToken);
            return DeployOutcome.Waiting($"{app.Name}: {result.Message}; woken at {wait.WakeAt:O}");
        }

        var now = time.GetUtcNow();
        var finished = StatusRecords.Finished(state, result, target.Revision, target.ImageOverrides, startedAt, now);
        await store.PutAppAsync(finished, cancellationToken);
        if (result.Succeeded)
        {
            await store.AppendHistoryAsync(app.Name, new HistoryEntry(
                0, target.Revision, app.Source.RepoUrl, app.Source.Path, target.ImageOverrides, result.ManifestDigest, now, OperationPhase.Succeeded, result.Message, run.Initiator), cancellationToken);
        }

        var notice = await Notices.SendAsync(finished, StatusRecords.Notification(app.Name, result, target.Revision, now), cancellationToken);
        var summary = $"{app.Name}: {(result.Succeeded ? "synced" : "sync failed")} at {Revisions.Abbreviate(target.Revision)}: {result.Message}; health {result.Health?.ToString() ?? "-"}";
        return (result.Succeeded ? DeployOutcome.Deployed(summary) : DeployOutcome.Failed(summary)) with { Notice = notice };
    }

    /// <summary>
    /// Requests that only compare: automated sync off (push, image or reconcile), the deployed commit again with nothing
    /// drifted, or drift found with selfHeal off. Records what was found and answers; null when a sync must run.
    /// </summary>
    private async Task<DeployOutcome?> ComparedOnlyAsync(
        DeployRequest request, Application app, AppState state, SyncEngine engine, string root, DeployTarget target, CancellationToken cancellationToken)
    {
        var automated = app.SyncPolicy.Automated;
        var sameCommit = target.Revision == state.Revision && state.Phase == OperationPhase.Succeeded;
        if (request.Reason is DeployReason.Manual or DeployReason.Rollback || (target.ImageChanged && automated is not null))
        {
            return null;
        }

        // As Argo CD: automated sync does not try a commit again once it failed; a new commit or a manual sync does.
        var failedBefore = state.Phase == OperationPhase.Failed && state.AttemptedRevision == target.Revision;
        if (automated is not null && !sameCommit && !failedBefore)
        {
            return null;
        }

        if (failedBefore && automated is not null)
        {
            return DeployOutcome.Skipped($"{app.Name}: the sync to {Revisions.Abbreviate(target.Revision)} failed before; automated sync waits for a new commit");
        }

        var comparison = await engine.CompareAsync(app, root, target.ImageOverrides, cancellationToken);
        if (comparison.Unreadable is { } unreadable)
        {
            return await AskAgainAsync(app.Name, unreadable, cancellationToken);
        }

        if (comparison.Errors.Count > 0)
        {
            return sameCommit ? null : await FailAsync(state, request, string.Join("; ", comparison.Errors), cancellationToken);
        }

        var health = await engine.HealthAsync(comparison, cancellationToken);
        var drifted = comparison.OutOfSync.Select(d => d.Key.ToString()).ToList();
        if (drifted.Count > 0 && automated is { SelfHeal: true } && sameCommit)
        {
            return null;
        }

        var message = drifted.Count == 0
            ? $"in sync with {Revisions.Abbreviate(target.Revision)}"
            : automated is null
                ? $"OutOfSync with {Revisions.Abbreviate(target.Revision)} ({string.Join(", ", drifted.Take(5))}); automated sync is off"
                : $"drift found ({string.Join(", ", drifted.Take(5))}); selfHeal is off";
        await store.PutAppAsync(state with { SyncStatus = drifted.Count == 0 && sameCommit ? SyncStatusCode.Synced : SyncStatusCode.OutOfSync, Health = health, Message = message }, cancellationToken);
        return DeployOutcome.Skipped($"{app.Name}: {message}");
    }

    private async Task<DeployOutcome> FailAsync(AppState state, DeployRequest request, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failed = state with { Phase = OperationPhase.Failed, FinishedAt = now, Message = message, AttemptedRevision = request.Revision ?? state.AttemptedRevision };
        await store.PutAppAsync(failed, cancellationToken);
        var notice = await Notices.SendAsync(failed, new SyncNotification(NotificationKind.SyncFailed, state.App, request.Revision ?? state.Revision ?? "", state.Images, state.Health?.ToString() ?? "Unknown", message, now), cancellationToken);
        return DeployOutcome.Failed($"{state.App}: {message}") with { Notice = notice };
    }

    /// <summary>A passing fault (the cluster unreadable, an unexpected error): recorded on the status and asked again.</summary>
    private async Task<DeployOutcome> AskAgainAsync(string app, string message, CancellationToken cancellationToken)
    {
        var state = await store.GetAppAsync(app, cancellationToken) ?? AppState.New(app);
        await store.PutAppAsync(state with { Phase = OperationPhase.Error, Message = $"{message} (will be retried)" }, cancellationToken);
        return DeployOutcome.Retry($"{app}: {message}");
    }
}
