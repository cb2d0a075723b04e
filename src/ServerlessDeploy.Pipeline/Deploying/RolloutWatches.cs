using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Which of an app's Rollouts are looked at again, and when. One that waits for a person is looked at after a minute,
/// then after twice as long each time nothing changed, at most every 30 minutes: a patch made outside our commands is
/// noticed without an invocation a minute for a pause that lasts a week. A look that found a change starts again at a
/// minute. Degraded counts as waiting for a person too: an aborted Rollout, or one past its progress deadline, goes on
/// only when someone retries it (a status patch nothing else would notice) or a new revision is synced. One waiting for
/// a time is looked at then, and so is one held for a person whose restart (spec.restartAt) comes before that look.
/// Healthy ones, and ones that cannot be driven (gone, invalid, driven by a controller), are no longer watched: a later
/// sync that applies them drives them anew.
/// </summary>
internal static class RolloutWatches
{
    public static readonly TimeSpan FirstLook = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLook = TimeSpan.FromMinutes(30);

    /// <summary>The app's watches after these drives, and those of them booked now (each with a new version).</summary>
    public static (IReadOnlyList<WatchedRollout> Watched, IReadOnlyList<WatchedRollout> Booked) After(
        IReadOnlyList<WatchedRollout>? watched, IEnumerable<RolloutDriveResult> drives, DateTimeOffset now)
    {
        var all = (watched ?? []).ToDictionary(Id, StringComparer.Ordinal);
        var booked = new List<WatchedRollout>();
        foreach (var drive in drives)
        {
            if (Next(all.GetValueOrDefault(drive.Id), drive, now) is { } next)
            {
                all[drive.Id] = next;
                booked.Add(next);
            }
            else
            {
                all.Remove(drive.Id);
            }
        }

        return ([.. all.Values.OrderBy(Id, StringComparer.Ordinal)], booked);
    }

    public static string Id(WatchedRollout watch) => $"{watch.Namespace}/{watch.Name}";

    private static WatchedRollout? Next(WatchedRollout? previous, RolloutDriveResult drive, DateTimeOffset now)
    {
        var progress = drive.Progress.ToString();
        var backoff = previous is { } before && drive.Transitions.IsEmpty && before.Progress == progress ? Min(before.Backoff * 2, LongestLook) : FirstLook;
        // Versions only grow, even across a watch dropped and made again, so a wake-up booked before is always stale.
        var version = Math.Max(now.UtcTicks, (previous?.Version ?? 0) + 1);
        return drive.End switch
        {
            RolloutDriveEnd.Paused or RolloutDriveEnd.Degraded => new WatchedRollout(drive.Namespace, drive.Name, version, backoff, Earlier(now + backoff, drive.WakeAt), progress),
            RolloutDriveEnd.Waiting => new WatchedRollout(drive.Namespace, drive.Name, version, FirstLook, drive.WakeAt ?? now + FirstLook, progress),
            _ => null,
        };
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
