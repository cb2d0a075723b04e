using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Where a sync saves its cursor after every change, with a conditional write on the version it last saved (the
/// state store in the pipeline). False means a newer deployment superseded the cursor: the sync stops at once.
/// </summary>
public interface ICursorCheckpoint
{
    Task<bool> SaveAsync(SyncCursor cursor, CancellationToken cancellationToken);
}
