using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Tests.Support;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>The local deployer hands due wake-ups from its SQLite timers to a delegate (the deployer, once connected).</summary>
public sealed class WakeUpDeliveryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly string state = Directory.CreateTempSubdirectory("sdeploy-wake-ups-").FullName;
    private readonly LocalDeployer deployer;

    public WakeUpDeliveryTests() =>
        deployer = LocalDeployer.Create(
            new PipelineSettings("file:///no-config-repo"), new KubeconfigClusters(Path.Combine(state, "no-kubeconfig")), state, new RecordingNotifier());

    [Fact]
    public async Task Due_wake_ups_are_delivered_earliest_first_once_and_later_ones_wait()
    {
        var first = new WakeUp("a", "cursor", 1, 3);
        var second = new WakeUp("b", "cursor", 0, 1);
        var later = new WakeUp("c", "cursor", 2, 2);
        await deployer.Timers.BookAsync(second, Now.AddSeconds(-1), CancellationToken.None);
        await deployer.Timers.BookAsync(later, Now.AddMinutes(20), CancellationToken.None);
        await deployer.Timers.BookAsync(first, Now.AddMinutes(-5), CancellationToken.None);
        var delivered = new List<WakeUp>();

        var count = await deployer.DeliverDueWakeUpsAsync(Record(delivered), Now, CancellationToken.None);
        var again = await deployer.DeliverDueWakeUpsAsync(Record(delivered), Now, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal(0, again);
        Assert.Equal([first, second], delivered);
        Assert.Equal(later, Assert.Single(await deployer.Timers.PendingAsync(CancellationToken.None)).WakeUp);
    }

    [Fact]
    public async Task A_wake_up_the_delegate_throws_on_stays_booked_with_those_after_it()
    {
        var done = new WakeUp("a", "cursor", 0, 1);
        var failing = new WakeUp("b", "cursor", 0, 1);
        var after = new WakeUp("c", "cursor", 0, 1);
        await deployer.Timers.BookAsync(done, Now.AddSeconds(-3), CancellationToken.None);
        await deployer.Timers.BookAsync(failing, Now.AddSeconds(-2), CancellationToken.None);
        await deployer.Timers.BookAsync(after, Now.AddSeconds(-1), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => deployer.DeliverDueWakeUpsAsync(
            (wakeUp, _) => wakeUp == failing ? throw new InvalidOperationException("deployer down") : Task.CompletedTask, Now, CancellationToken.None));

        var pending = await deployer.Timers.PendingAsync(CancellationToken.None);
        Assert.Equal([failing, after], pending.Select(w => w.WakeUp));
        Assert.Equal([Now.AddSeconds(-2), Now.AddSeconds(-1)], pending.Select(w => w.DueAt));
    }

    public void Dispose()
    {
        deployer.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(state, recursive: true);
    }

    private static Func<WakeUp, CancellationToken, Task> Record(List<WakeUp> delivered) => (wakeUp, _) =>
    {
        delivered.Add(wakeUp);
        return Task.CompletedTask;
    };
}
