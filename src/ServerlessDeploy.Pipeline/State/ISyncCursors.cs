using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Pipeline.State;

/// <summary>
/// The app's current saved sync (one per app), written only with a conditional write on its version: a DynamoDB item
/// in AWS, a SQLite row locally, beside the rest of the state. Versions go on across an app's cursors, so a newer
/// deployment supersedes a waiting cursor by writing its own over it at the version it read.
/// </summary>
public interface ISyncCursors
{
    Task<SyncCursor?> GetCursorAsync(string app, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="cursor"/> as the app's current one when the stored cursor is at
    /// <paramref name="expectedVersion"/> (null: when the app has none); false, and nothing written, otherwise.
    /// </summary>
    Task<bool> TryPutCursorAsync(SyncCursor cursor, long? expectedVersion, CancellationToken cancellationToken);
}
