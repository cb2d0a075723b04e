using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Wake-ups: a waiting sync continued from its step, or a watched Rollout looked at again, under the app's lease; a
/// stale or duplicate wake-up dropped.
/// </summary>
public sealed partial class Deployer
{
    /// <param name="deadline">When the host must answer (the Lambda deadline); null for no limit.</param>
    public async Task<DeployOutcome> WakeAsync(WakeUp wakeUp, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        return await UnderLeaseAsync(wakeUp.App, $"wake:{wakeUp.Key}", async () =>
        {
            if (wakeUp.Rollout is { } rollout)
            {
                return await LookAgainAsync(wakeUp, rollout, deadline, cancellationToken);
            }

            var cursor = await waits.CurrentAsync(wakeUp.App, cancellationToken);
            if (SyncWaits.IsStale(wakeUp, cursor, out var stale))
            {
                return DeployOutcome.Dropped($"{wakeUp.App}: wake-up {wakeUp.Key} dropped: {stale}");
            }

            var outcome = await ContinueAsync(cursor, deadline, cancellationToken);
            if (outcome.Kind == DeployOutcomeKind.Failed)
            {
                // A pipeline job asking after this deployment later learns it failed.
                await store.Marks.TryMarkDoneAsync(FailedMark(cursor.DeploymentId), time.GetUtcNow() + settings.IdempotencyWindow, cancellationToken);
            }

            return outcome;
        }, cancellationToken);
    }

    /// <summary>Runs a waiting cursor on from its step at the revision and images it started with.</summary>
    private async Task<DeployOutcome> ContinueAsync(SyncCursor cursor, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var snapshot = await config.LoadAsync(cancellationToken);
        var state = await store.Reads.GetAppAsync(cursor.App, cancellationToken) ?? AppState.New(cursor.App);
        if (snapshot.Find(cursor.App) is not { } configured || snapshot.ProjectOf(configured.Application) is not { } project)
        {
            await waits.Checkpoint(cursor.Version).SaveAsync(cursor with { Status = CursorStatus.Failed, Message = "the Application or its project left the config repository", Version = cursor.Version + 1 }, cancellationToken);
            await store.Writes.PutAppAsync(state with { Waiting = null }, cancellationToken);
            return DeployOutcome.Skipped($"{cursor.App}: the waiting sync {cursor.Id} ended: the Application or its project left the config repository");
        }

        var app = configured.Application;
        var target = await DescribedAsync(sources, app, new DeployTarget(cursor.Revision, cursor.ImageOverrides), cancellationToken);
        var root = await CheckoutAsync(sources, app, cursor.Revision, cancellationToken);
        var connection = Connect(app);
        if (!connection.IsConnected)
        {
            await waits.Checkpoint(cursor.Version).SaveAsync(cursor with { Status = CursorStatus.Failed, Message = connection.Problem, Version = cursor.Version + 1 }, cancellationToken);
            return await FailAsync(state, new DeployRequest(cursor.App, DeployReason.Manual, cursor.Revision, cursor.DeploymentId, time.GetUtcNow(), "wake-up"), connection.Problem, cancellationToken);
        }

        var engine = new SyncEngine(connection.Client, renderer, time, scope: connection.Scope);
        var syncRequest = new SyncRequest(
            Prune: app.SyncPolicy.Automated?.Prune ?? false,
            HealthTimeout: settings.HealthTimeout,
            StopBy: deadline - settings.DeadlineMargin,
            Cursor: cursor,
            Checkpoint: waits.Checkpoint(cursor.Version))
        {
            DeploymentId = cursor.DeploymentId,
            LookAgainAfter = settings.ContinueAfter,
        };
        var stages = state.Stages ?? new OperationStages(null, null, null, cursor.StartedAt, null, []);
        var run = new SyncRun(app, project, state with { Manifest = configured.Manifest }, root, target, $"deployment {cursor.DeploymentId}", $"continuing sync {cursor.Id} at {cursor.Current?.Name}", stages);
        return await RunAsync(run, engine, syncRequest, cancellationToken);
    }
}
