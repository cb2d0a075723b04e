using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Records what a sync came to (status, history) and then sends its notice.</summary>
public sealed partial class Deployer
{
    /// <summary>A sync saved at a step that waits: its wake-up is booked, the status shows where it stands, and its Rollouts' transitions so far are told.</summary>
    private async Task<DeployOutcome> RecordWaitAsync(SyncRun run, AppState state, SyncResult result, SyncCursor waiting, CursorWait wait, string madeBy, CancellationToken cancellationToken)
    {
        await waits.BookAsync(waiting, wait, cancellationToken);
        var recorded = state with { Message = result.Message, Resources = StatusRecords.Resources(result), Waiting = waiting.ToWaiting(), ComparedRevision = run.Target.Revision };
        await store.Writes.PutAppAsync(recorded, cancellationToken);
        var (_, notice) = await TellTransitionsAsync(recorded, madeBy, result.Rollouts, cancellationToken);
        return DeployOutcome.Waiting($"{run.Application.Name}: {result.Message}; woken at {wait.WakeAt:O}") with { Notice = notice };
    }

    /// <summary>
    /// A sync that ended: the next looks at its Rollouts that wait for a person booked, its status, a history entry when it
    /// succeeded, then the notices: each Rollout transition's, and the sync's.
    /// </summary>
    private async Task<DeployOutcome> RecordAsync(SyncRun run, AppState state, SyncResult result, DateTimeOffset startedAt, string madeBy, CancellationToken cancellationToken)
    {
        var (app, target) = (run.Application, run.Target);
        var now = time.GetUtcNow();
        var (finished, unwatched) = await WatchAsync(StatusRecords.Finished(state, result, target, startedAt, now), result.Rollouts, cancellationToken);
        await store.Writes.PutAppAsync(finished, cancellationToken);
        if (result.Succeeded)
        {
            await store.Writes.AppendHistoryAsync(app.Name, new HistoryEntry(
                0, target.Revision, app.Source.RepoUrl, app.Source.Path, target.ImageOverrides, result.ManifestDigest, now, OperationPhase.Succeeded, result.Message, run.Initiator, finished.Stages), cancellationToken);
        }

        var (told, untold) = await TellTransitionsAsync(finished, madeBy, result.Rollouts, cancellationToken);
        var notice = await Notices.SendAsync(told, StatusRecords.Notification(app.Name, result, target.Revision, now), cancellationToken);
        var summary = $"{app.Name}: {(result.Succeeded ? "synced" : "sync failed")} at {Revisions.Abbreviate(target.Revision)}: {result.Message}; health {result.Health?.ToString() ?? "-"}{unwatched}";
        return (result.Succeeded ? DeployOutcome.Deployed(summary) : DeployOutcome.Failed(summary)) with { Notice = notice ?? untold };
    }

    /// <summary>A request that fails before any sync runs (no project, no cluster, a refused rollback): recorded and notified.</summary>
    private async Task<DeployOutcome> FailAsync(AppState state, DeployRequest request, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failed = state with { Phase = OperationPhase.Failed, FinishedAt = now, Message = message, AttemptedRevision = request.Revision ?? state.AttemptedRevision, Waiting = null };
        await store.Writes.PutAppAsync(failed, cancellationToken);
        var notice = await Notices.SendAsync(failed, new SyncNotification(NotificationKind.SyncFailed, state.App, request.Revision ?? state.Revision ?? "", state.Images, state.Health?.ToString() ?? "Unknown", message, now), cancellationToken);
        return DeployOutcome.Failed($"{state.App}: {message}") with { Notice = notice };
    }
}
