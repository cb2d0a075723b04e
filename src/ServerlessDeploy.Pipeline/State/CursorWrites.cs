using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Pipeline.State;

/// <summary>What every <see cref="ISyncCursors"/> store refuses before it writes: these are callers' mistakes, not conflicts.</summary>
public static class CursorWrites
{
    /// <summary>
    /// The cursor must name its app, and a cursor written over another must be at a higher version: were it not, a second
    /// writer holding the same expected version would find it still current and overwrite it too.
    /// </summary>
    public static void Check(SyncCursor cursor, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor.App, nameof(cursor));
        if (expectedVersion is { } expected && cursor.Version <= expected)
        {
            throw new ArgumentOutOfRangeException(
                nameof(cursor), cursor.Version, $"Cursor '{cursor.Id}' of app '{cursor.App}' is at version {cursor.Version}; writing it over version {expected} needs a higher one.");
        }
    }
}
