using System.Diagnostics.CodeAnalysis;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Syncs that wait: each app's current cursor in the state store, saved with conditional writes, and the wake-ups
/// booked for waiting ones through the Timer port. A wake-up that does not name the current cursor at its version and
/// step is stale (a newer deployment superseded the cursor, or the wake-up came twice) and is dropped. Without a timer
/// (the CodePipeline action) nothing is booked: the job continued with its token asks again and wakes the sync. The
/// looks at watched Rollouts (<see cref="RolloutWatches"/>) are booked through the same timer.
/// </summary>
public sealed class SyncWaits(ISyncCursors cursors, Timers.ITimer? timer)
{
    public Task<SyncCursor?> CurrentAsync(string app, CancellationToken cancellationToken) => cursors.GetCursorAsync(app, cancellationToken);

    /// <summary>Saves a sync's cursor after every change, the first save conditional on <paramref name="readVersion"/> (the version read before the sync).</summary>
    public ICursorCheckpoint Checkpoint(long? readVersion) => new Saver(cursors, readVersion);

    /// <param name="wait">The cursor's wait, which says when to wake it.</param>
    public Task BookAsync(SyncCursor cursor, CursorWait wait, CancellationToken cancellationToken) =>
        timer?.BookAsync(new WakeUp(cursor.App, cursor.Id, cursor.Position, cursor.Version), wait.WakeAt, cancellationToken) ?? Task.CompletedTask;

    /// <summary>Books the next look at a watched Rollout, through the same timer as a sync's wake-ups.</summary>
    public Task LookAgainAsync(string app, WatchedRollout watch, CancellationToken cancellationToken) =>
        timer?.BookAsync(WakeUp.Of(app, new RolloutWakeUp(watch.Namespace, watch.Name, watch.Version)), watch.LooksAt, cancellationToken) ?? Task.CompletedTask;

    /// <summary>Whether the wake-up is stale, and why; false when it names the app's waiting cursor as it is now.</summary>
    public static bool IsStale(WakeUp wakeUp, [NotNullWhen(false)] SyncCursor? current, out string reason)
    {
        if (current is null)
        {
            reason = "the app has no saved sync";
            return true;
        }

        reason = StaleReason(wakeUp, current) ?? "";
        return reason.Length > 0;
    }

    private static string? StaleReason(WakeUp wakeUp, SyncCursor current) => current switch
    {
        _ when current.Id != wakeUp.CursorId => $"sync {wakeUp.CursorId} was superseded by {current.Id}",
        _ when current.Version != wakeUp.CursorVersion => $"sync {current.Id} is at version {current.Version}, not {wakeUp.CursorVersion} (a duplicate or an earlier wake-up)",
        _ when current.Status != CursorStatus.Waiting || current.Position != wakeUp.StepIndex => $"sync {current.Id} is {current.Status} at step {current.Position}, not waiting at step {wakeUp.StepIndex}",
        _ => null,
    };

    private sealed class Saver(ISyncCursors cursors, long? readVersion) : ICursorCheckpoint
    {
        private long? _expected = readVersion;

        public async Task<bool> SaveAsync(SyncCursor cursor, CancellationToken cancellationToken)
        {
            if (!await cursors.TryPutCursorAsync(cursor, _expected, cancellationToken))
            {
                return false;
            }

            _expected = cursor.Version;
            return true;
        }
    }
}
