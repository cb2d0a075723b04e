namespace ServerlessDeploy.Git.Tests.Fixtures;

/// <summary>
/// A fixed clock that runs <c>interfere</c> the first <c>times</c> times it is read. The pusher reads the clock between
/// its fetch and its push, so another writer's push lands exactly in that window.
/// </summary>
internal sealed class InterferingClock(DateTimeOffset now, int times, Action interfere) : TimeProvider
{
    public int Interferences { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        if (Interferences < times)
        {
            Interferences++;
            interfere();
        }

        return now;
    }
}
