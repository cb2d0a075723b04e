namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// How long one drive may go on. A wait for a time at or before <paramref name="StopBy"/> is waited here (a timed pause
/// within the CLI's --timeout); a later one ends the drive as <see cref="RolloutDriveEnd.Waiting"/>, to be woken then.
/// </summary>
/// <param name="StopBy">When the host must have its answer; null waits as long as it takes.</param>
/// <param name="LookAgainAfter">How soon a drive that stopped while ReplicaSets were still becoming available should look again.</param>
public sealed record RolloutDriveLimits(DateTimeOffset? StopBy, TimeSpan LookAgainAfter)
{
    public static RolloutDriveLimits Until(DateTimeOffset? stopBy) => new(stopBy, TimeSpan.FromSeconds(10));
}
