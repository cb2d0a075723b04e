using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Local.Queues;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>Message timers on the in-memory queue, as SQS has them: standard queues only, 0 s .. 15 min.</summary>
public sealed class InMemoryQueueTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_delayed_message_is_received_only_once_its_timer_ends()
    {
        var queue = new InMemoryQueue("wake-up", false, _clock, TimeSpan.FromSeconds(60));

        await queue.SendAsync(new QueueMessage("later", Delay: TimeSpan.FromMinutes(5)), CancellationToken.None);

        Assert.Empty(queue.Receive(10));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(5), queue.NextVisibleAt);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("later", Assert.Single(queue.Receive(10)).Body);
    }

    [Fact]
    public async Task A_timer_on_a_fifo_queue_is_refused()
    {
        var queue = new InMemoryQueue("deploy.fifo", true, _clock, TimeSpan.FromSeconds(60));

        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new QueueMessage("x", "g", "d", TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_timer_past_fifteen_minutes_is_refused()
    {
        var queue = new InMemoryQueue("wake-up", false, _clock, TimeSpan.FromSeconds(60));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendAsync(new QueueMessage("x", Delay: TimeSpan.FromMinutes(16)), CancellationToken.None));

        Assert.Equal(0, queue.Count);
    }
}
