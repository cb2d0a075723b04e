namespace ServerlessDeploy.Pipeline.Timers;

/// <summary>
/// Which Rollout a wake-up looks at, and the version of the app's watch of it when it was booked: a later booking (a
/// sync, an action, the wake-up before) moves the version on, so this one is then stale and dropped.
/// </summary>
public sealed record RolloutWakeUp(string Namespace, string Name, long Version);
