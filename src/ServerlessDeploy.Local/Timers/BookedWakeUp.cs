using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Local.Timers;

/// <summary>A wake-up in the local timer table and the time it is due (UTC).</summary>
public sealed record BookedWakeUp(WakeUp WakeUp, DateTimeOffset DueAt);
