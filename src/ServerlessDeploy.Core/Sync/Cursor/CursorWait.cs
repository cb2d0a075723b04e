namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>What a waiting cursor waits for, when it is woken to look again, and when a health gate gives up.</summary>
public sealed record CursorWait(string Reason, DateTimeOffset WakeAt, DateTimeOffset? GivesUpAt);
