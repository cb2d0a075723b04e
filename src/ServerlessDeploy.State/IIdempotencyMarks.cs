namespace ServerlessDeploy.State;

/// <summary>Keys of work already done (an event delivered twice, a CodePipeline job polled again), each until it expires.</summary>
public interface IIdempotencyMarks
{
    /// <summary>Records <paramref name="key"/> as done until <paramref name="expiresAt"/>; false when it was already recorded (and not expired).</summary>
    Task<bool> TryMarkDoneAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="key"/> was marked done and has not expired at <paramref name="now"/>.</summary>
    Task<bool> IsDoneAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);
}
