namespace ServerlessDeploy.Testing.Time;

/// <summary>
/// The system clock moved ahead by a fixed offset: what an invocation woken later would read, while its own short
/// waits still take real time.
/// </summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
