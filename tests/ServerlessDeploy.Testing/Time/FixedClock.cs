namespace ServerlessDeploy.Testing.Time;

/// <summary>A clock that always reads the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
