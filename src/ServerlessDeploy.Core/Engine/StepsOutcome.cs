using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine;

/// <summary>What running a cursor came to: success, the message, each resource's result, and the cursor as it stopped.</summary>
internal sealed record StepsOutcome(bool Succeeded, string Message, List<ResourceResult> Results, SyncCursor Cursor);
