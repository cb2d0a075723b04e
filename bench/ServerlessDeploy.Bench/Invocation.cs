using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Bench;

/// <summary>One deployer invocation's drive of the Rollout, as measured.</summary>
/// <param name="Trigger">What started it: the sync of the new image, a wake-up, the promotion.</param>
/// <param name="Wall">The drive's wall time: the engine's work and the short waits it polled through.</param>
/// <param name="Skipped">Waits within the invocation skipped on the clock (a timed pause), billed all the same.</param>
/// <param name="Requests">API requests by verb.</param>
internal sealed record Invocation(string Trigger, RolloutDriveResult Result, TimeSpan Wall, TimeSpan Skipped, IReadOnlyDictionary<string, long> Requests)
{
    /// <summary>What Lambda would bill for the drive: all of its time, rounded up to the millisecond.</summary>
    public long BilledMilliseconds => (long)Math.Ceiling((Wall + Skipped).TotalMilliseconds);

    public long RequestCount => Requests.Values.Sum();
}
