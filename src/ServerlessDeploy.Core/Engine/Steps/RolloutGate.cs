using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine.Steps;

/// <summary>
/// With no controller in the cluster, a health gate drives the Rollouts it watches instead of only looking at them:
/// each is driven until it waits. Healthy and paused ones pass (a paused Rollout is Suspended, as Argo CD sees it);
/// a degraded, blocked or refused one fails the gate; one waiting for a time past the host's stop leaves the sync
/// waiting until then. Every drive's last result is kept for the sync's result.
/// </summary>
internal sealed class RolloutGate(IClusterClient cluster, TimeProvider time)
{
    private readonly Dictionary<string, RolloutDriveResult> _drives = [];

    /// <summary>The last drive of each Rollout in this sync, in the order they were first driven.</summary>
    public IReadOnlyList<RolloutDriveResult> Drives => [.. _drives.Values];

    public static bool IsRollout(ClusterResourceType type) => type is { Group: "argoproj.io", Kind: RolloutTypes.Kind };

    /// <returns>Null when every Rollout passed; otherwise how the gate ends this time.</returns>
    /// <param name="waitUntil">How long a drive may wait here (a timed pause, ReplicaSets becoming available).</param>
    public async Task<StepOutcome?> RunAsync(IEnumerable<ResourceKey> rollouts, DateTimeOffset waitUntil, TimeSpan lookAgainAfter, CancellationToken cancellationToken)
    {
        var driver = new RolloutDriver(cluster, time);
        var results = new List<(ResourceKey Key, RolloutDriveResult Result)>();
        foreach (var key in rollouts)
        {
            var result = await driver.DriveAsync(key.Namespace, key.Name, new RolloutDriveLimits(waitUntil, lookAgainAfter), cancellationToken);
            _drives[result.Id] = result;
            results.Add((key, result));
        }

        if (results.FirstOrDefault(r => r.Result.End is RolloutDriveEnd.Degraded or RolloutDriveEnd.Blocked or RolloutDriveEnd.Refused) is { Result: { } failed } failure)
        {
            return StepOutcome.Failed(failed.End == RolloutDriveEnd.Degraded
                ? $"{failure.Key} is Degraded: {failed.Progress.Message}"
                : $"{failure.Key}: {failed.Message}");
        }

        var waiting = results.Where(r => r.Result.End == RolloutDriveEnd.Waiting).OrderBy(r => r.Result.WakeAt).ToList();
        if (waiting is [var first, ..])
        {
            var wakeAt = first.Result.WakeAt ?? time.GetUtcNow() + lookAgainAfter;
            return StepOutcome.Waiting(new CursorWait($"{first.Key}: {first.Result.Message}", wakeAt, null));
        }

        return null;
    }
}
