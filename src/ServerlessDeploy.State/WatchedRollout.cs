namespace ServerlessDeploy.State;

/// <summary>
/// One of an app's Rollouts that the deployer looks at again on its own: it waits for a person, and with no controller in
/// the cluster nothing would notice a patch made outside our commands (kubectl, another client). It is looked at
/// <paramref name="LooksAt"/>, after <paramref name="Backoff"/>, which doubles while nothing changes.
/// </summary>
/// <param name="Version">The version its booked wake-up carries; a wake-up with another one is stale.</param>
/// <param name="Progress">Where the Rollout stood at the last look ("Paused at step 1/4: CanaryPauseStep").</param>
public sealed record WatchedRollout(string Namespace, string Name, long Version, TimeSpan Backoff, DateTimeOffset LooksAt, string Progress);
