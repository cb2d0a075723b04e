namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>Waits for what the server does after a write returns (namespace cleanup, garbage collection): polls, with a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {Deadline.TotalSeconds:0} s: {what} (last seen: {last})");
            }

            await Task.Delay(Interval);
            last = await probe();
        }

        return last;
    }
}
