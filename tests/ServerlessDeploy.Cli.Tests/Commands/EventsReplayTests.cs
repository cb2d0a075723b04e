using ServerlessDeploy.Local.Repositories;
using ServerlessDeploy.Local.Timers;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>
/// `sdeploy events replay --wait-timers`: wake-ups due within that long are delivered to the deployer (a stale one is
/// dropped, saying why); without it, what still waits is listed and stays booked.
/// </summary>
public sealed class EventsReplayTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Wake_ups_due_within_wait_timers_are_delivered_and_the_rest_are_listed_as_waiting()
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Folder, ClusterFixture.UniqueName("replay"))).FullName;
        using var config = LocalGitRepository.Create(folder, "config").Write("apps/README.md", "no apps yet\n");
        config.CommitAndPush("an empty config repository", DateTimeOffset.UtcNow);
        var state = Path.Combine(folder, "state");
        var soon = new WakeUp("shop", "c-1", 2, 5);
        var later = new WakeUp("shop", "c-1", 2, 6);
        using (var timers = new SqliteTimers(state))
        {
            await timers.BookAsync(soon, DateTimeOffset.UtcNow.AddSeconds(3), CancellationToken.None);
            await timers.BookAsync(later, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        }

        var tick = Path.Combine(Sdeploy.Examples(), "..", "events", "reconcile-tick.json");
        var first = await Replay(tick, config.BarePath, state);
        var second = await Replay(tick, config.BarePath, state, "--wait-timers", "00:00:30");

        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("WAITING APP", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", first.Output, StringComparison.Ordinal);
        Assert.True(second.Exit == 0, second.ToString());
        Assert.Contains($"wake-up {soon.Key} dropped: the app has no saved sync", second.Output, StringComparison.Ordinal);
        using var left = new SqliteTimers(state);
        Assert.Equal(later, Assert.Single(await left.PendingAsync(CancellationToken.None)).WakeUp);
    }

    private Task<CommandRun> Replay(string tick, string configRepo, string state, params string[] extra) =>
        Sdeploy.RunAsync(["events", "replay", tick, "--config-repo", configRepo, "--kubeconfig", fixture.KubeconfigPath, "--state", state, .. extra]);
}
