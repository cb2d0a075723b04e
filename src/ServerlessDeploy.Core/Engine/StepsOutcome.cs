using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine;

/// <summary>What running a cursor came to: success, the message, each resource's result, and the cursor as it stopped.</summary>
internal sealed record StepsOutcome(bool Succeeded, string Message, List<ResourceResult> Results, SyncCursor Cursor)
{
    /// <summary>How each Rollout the sync drove stood when it was last driven.</summary>
    public IReadOnlyList<RolloutDriveResult> Rollouts { get; init; } = [];
}
