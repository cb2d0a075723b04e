using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Rollouts driven outside a sync, under the app's lease: a watched Rollout looked at again (<see cref="RolloutWatches"/>),
/// and an action someone asked for, which is applied and then driven at once. Each records the Rollout's health on the
/// status, books its next look, and tells its transitions.
/// </summary>
public sealed partial class Deployer
{
    /// <summary>The watches after a sync's drives, their next looks booked (see <see cref="RolloutWatches"/>).</summary>
    /// <returns>
    /// The status with the new watches; or, when the timer failed, the status as it was and a note of it for the outcome:
    /// the sync is done, and its Rollouts are looked at again by the next sync.
    /// </returns>
    private async Task<(AppState State, string Problem)> WatchAsync(AppState state, IReadOnlyList<RolloutDriveResult> drives, CancellationToken cancellationToken)
    {
        if (drives.Count == 0)
        {
            return (state, "");
        }

        var (watched, booked) = RolloutWatches.After(state.WatchedRollouts, drives, time.GetUtcNow());
        try
        {
            foreach (var next in booked)
            {
                await waits.LookAgainAsync(state.App, next, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (state, $"; the next look at its Rollouts could not be booked: {e.Message}");
        }

        return (state with { WatchedRollouts = watched }, "");
    }

    /// <summary>A watched Rollout's wake-up: dropped when the watch moved on (a later booking) or ended; otherwise the Rollout is driven.</summary>
    private async Task<DeployOutcome> LookAgainAsync(WakeUp wakeUp, RolloutWakeUp rollout, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var id = $"{rollout.Namespace}/{rollout.Name}";
        var state = await store.Reads.GetAppAsync(wakeUp.App, cancellationToken);
        var watch = state?.WatchedRollouts?.FirstOrDefault(w => RolloutWatches.Id(w) == id);
        if (state is null || watch is null || watch.Version != rollout.Version)
        {
            var stale = watch is null ? $"Rollout {id} is no longer watched" : $"the watch of Rollout {id} is at version {watch.Version}, not {rollout.Version} (a duplicate or an earlier wake-up)";
            return DeployOutcome.Dropped($"{wakeUp.App}: wake-up {wakeUp.Key} dropped: {stale}");
        }

        var snapshot = await config.LoadAsync(cancellationToken);
        var connection = snapshot.Find(wakeUp.App) is { } configured ? Connect(configured.Application) : ClusterConnection.Unknown("the Application left the config repository");
        if (!connection.IsConnected)
        {
            await store.Writes.PutAppAsync(state with { WatchedRollouts = [.. state.WatchedRollouts?.Where(w => w != watch) ?? []] }, cancellationToken);
            return DeployOutcome.Skipped($"{wakeUp.App}: Rollout {id} is no longer watched: {connection.Problem}");
        }

        // A cluster that does not answer is asked again later; only a Rollout it says is gone or unusable ends the watch.
        if ((await connection.Client.FindTypeAsync("argoproj.io/v1alpha1", "Rollout", cancellationToken)).Unreadable is { } unreadable)
        {
            return DeployOutcome.Retry($"{wakeUp.App}: Rollout {id}: {unreadable}");
        }

        var drive = await DriveAsync(connection.Client, rollout.Namespace, rollout.Name, deadline, cancellationToken);
        return await RecordDriveAsync(state, drive, $"wake-up {wakeUp.Key}", cancellationToken);
    }

    /// <summary>
    /// A Rollout action: refused, with nothing written to the cluster, unless the Rollout is one of the app's resources and
    /// the action applies to it now; otherwise its patches are written and the Rollout driven at once. Either way it is
    /// recorded with its initiator on the status.
    /// </summary>
    private async Task<DeployOutcome> ActAsync(DeployRequest request, RolloutActionRequest action, Application app, AppState state, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var name = RolloutActionNames.Of(action.Action);
        var connection = Connect(app);
        var cluster = connection.Client;
        var stopped = cluster is null ? (connection.Problem, false)
            : !IsResourceOf(state, action) ? ($"Rollout {action.Id} is not one of {app.Name}'s resources", false)
            : await RolloutActionApplier.ApplyAsync(cluster, action, time, cancellationToken);
        if (stopped is (var unanswered, true))
        {
            return DeployOutcome.Retry($"{app.Name}: {name} of Rollout {action.Id}: {unanswered}");
        }

        var refusal = stopped?.Problem;
        var record = new RolloutActionRecord(action.Namespace, action.Rollout, name, request.Initiator, time.GetUtcNow(), refusal is null, refusal ?? "applied");
        if (cluster is null || refusal is not null)
        {
            await store.Writes.PutAppAsync(state with { LastRolloutAction = record }, cancellationToken);
            return DeployOutcome.Failed($"{app.Name}: {name} of Rollout {action.Id} by {request.Initiator} refused: {record.Message}");
        }

        var drive = await DriveAsync(cluster, action.Namespace, action.Rollout, deadline, cancellationToken);
        var recorded = state with { LastRolloutAction = record with { Message = $"applied; {drive.Progress}" } };
        var outcome = await RecordDriveAsync(recorded, drive, $"action {request.DeploymentId}", cancellationToken);
        return outcome with { Message = $"{name} by {request.Initiator}: {outcome.Message}" };
    }

    private static bool IsResourceOf(AppState state, RolloutActionRequest action) =>
        state.Resources.Any(r => r is { Group: "argoproj.io", Kind: "Rollout" } && r.Namespace == action.Namespace && r.Name == action.Rollout);

    private Task<RolloutDriveResult> DriveAsync(IClusterClient cluster, string ns, string name, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        new RolloutDriver(cluster, time).DriveAsync(ns, name, new RolloutDriveLimits(deadline - settings.DeadlineMargin, settings.ContinueAfter), cancellationToken);

    /// <summary>
    /// One drive's record: its next look booked first (a timer that fails makes the message a retry, and the watch in the
    /// status, unchanged, keeps the retry from being stale), then the status with the Rollout's health, then its transitions told.
    /// </summary>
    private async Task<DeployOutcome> RecordDriveAsync(AppState state, RolloutDriveResult drive, string madeBy, CancellationToken cancellationToken)
    {
        var (watched, booked) = RolloutWatches.After(state.WatchedRollouts, [drive], time.GetUtcNow());
        foreach (var watch in booked)
        {
            await waits.LookAgainAsync(state.App, watch, cancellationToken);
        }

        var resources = state.Resources.Select(r => r is { Group: "argoproj.io", Kind: "Rollout" } && $"{r.Namespace}/{r.Name}" == drive.Id && drive.Health is { } health
            ? r with { Health = health.Status.ToState(), HealthMessage = health.Message }
            : r).ToList();
        var recorded = state with
        {
            WatchedRollouts = watched,
            Resources = resources,
            Health = resources.Select(r => r.Health).OfType<HealthCode>().DefaultIfEmpty(state.Health ?? HealthCode.Unknown).Max(),
        };
        await store.Writes.PutAppAsync(recorded, cancellationToken);
        var (_, notice) = await TellTransitionsAsync(recorded, madeBy, [drive], cancellationToken);
        var next = booked is [var look] ? $"; looked at again at {look.LooksAt:O}" : "";
        var summary = $"{state.App}: Rollout {drive.Id} {drive.End}: {drive.Progress}{next}";
        return (drive.End is RolloutDriveEnd.Blocked or RolloutDriveEnd.Refused ? DeployOutcome.Failed($"{summary}: {drive.Message}") : DeployOutcome.Deployed(summary)) with { Notice = notice };
    }
}
