namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>Where a saved sync as a whole is.</summary>
public enum CursorStatus
{
    Running,

    /// <summary>Stopped at a step that waits; a wake-up is booked for <see cref="SyncCursor.Wait"/>.</summary>
    Waiting,

    Succeeded,

    Failed,

    /// <summary>A newer deployment of the app took over; its wake-ups are stale.</summary>
    Superseded,
}
