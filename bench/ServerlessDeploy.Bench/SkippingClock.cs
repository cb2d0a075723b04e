namespace ServerlessDeploy.Bench;

/// <summary>
/// The wall clock, ahead by the waits skipped so far. A one-shot timer of a second or more (a timed pause waited within
/// an invocation) fires at once and moves the clock on by its due time; shorter ones (the driver's polls while
/// ReplicaSets become available) take their real time, since the local server's simulated controllers run on the
/// wall clock. A FakeTimeProvider would stop those polls too.
/// </summary>
internal sealed class SkippingClock : TimeProvider
{
    private static readonly TimeSpan SkipFrom = TimeSpan.FromSeconds(1);

    private long _skippedTicks;

    /// <summary>All the time skipped so far: waited on paper, not on the wall.</summary>
    public TimeSpan Skipped => TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Skipped;

    /// <summary>Moves the clock on to <paramref name="instant"/>; nothing when it has already passed.</summary>
    public void SkipTo(DateTimeOffset instant)
    {
        var ahead = instant - GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            Interlocked.Add(ref _skippedTicks, ahead.Ticks);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < SkipFrom || period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        Interlocked.Add(ref _skippedTicks, dueTime.Ticks);
        // Fired on the pool, never inline: the caller has not yet stored the timer it is being handed.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
