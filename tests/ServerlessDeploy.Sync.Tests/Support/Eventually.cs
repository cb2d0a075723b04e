namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>Bounded waits for what the server finishes on its own (a foreground deletion), never timed assertions.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task GoneAsync<T>(Func<Task<T>> read)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + Limit;
        while (await Live.FindAsync(read) is not null)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"still there after {Limit.TotalSeconds:0}s");
            }

            await Task.Delay(100);
        }
    }
}
