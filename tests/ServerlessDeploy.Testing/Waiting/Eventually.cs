using System.Net;
using k8s.Autorest;

namespace ServerlessDeploy.Testing.Waiting;

/// <summary>
/// Bounded waits for what the server finishes on its own after a write returns (namespace cleanup, garbage collection,
/// a foreground deletion): polls, with a deadline, and fails saying what it waited for; never a timed assertion.
/// </summary>
public static class Eventually
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

    /// <summary>Waits until <paramref name="read"/> answers 404 Not Found.</summary>
    public static Task GoneAsync<T>(Func<Task<T>> read) =>
        UntilAsync(() => ExistsAsync(read), exists => !exists, $"the {typeof(T).Name} is gone");

    private static async Task<bool> ExistsAsync<T>(Func<Task<T>> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
