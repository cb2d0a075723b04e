namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>What the Runtime API says about one invocation, read from the headers of the next-invocation response.</summary>
public sealed record InvocationContext(string RequestId, DateTimeOffset Deadline, string? FunctionArn, string? TraceId)
{
    /// <summary>Time left before Lambda stops the invocation; never negative.</summary>
    public TimeSpan RemainingTime(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var left = Deadline - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
