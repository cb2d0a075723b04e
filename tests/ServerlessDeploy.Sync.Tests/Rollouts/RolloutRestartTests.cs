using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// `kubectl argo rollouts restart` honoured by the driver against the local API server, as rollout/restart.go does it:
/// the pods created before spec.restartAt are deleted while enough of the rest stay available, and status.restartedAt is
/// set once none is left. The local API server makes no pods, so each test makes them, and their replacements, itself.
/// </summary>
public sealed class RolloutRestartTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <summary>A drive limit below the driver's 10 s look-again while pods are replaced, so a drive ends at that wait, with room for a loaded machine's writes.</summary>
    private static readonly TimeSpan Briefly = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_restart_deletes_the_old_pods_as_many_at_a_time_as_max_unavailable_allows_and_then_sets_restarted_at()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27", replicas: 8);
        await bench.DriveAsync();
        var stable = await bench.StatusAsync("stableRS");
        var old = await bench.CreatePodsAsync(stable, 8);
        var restartAt = await bench.RestartAsync();

        // 8 replicas: maxUnavailable 25% is 2, so 2 of the 8 available pods go at a time, and no more until replaced.
        for (var round = 1; round <= 3; round++)
        {
            var waiting = await bench.DriveAsync(Briefly);

            Assert.Equal(RolloutDriveEnd.Waiting, waiting.End);
            Assert.Equal(RolloutWaitingFor.ReplicaSets, waiting.WaitingFor);
            Assert.Equal(("Progressing", "rollout is restarting"), (waiting.Progress.Phase, waiting.Progress.Message));
            Assert.Equal(8 - (2 * round), old.Intersect(await bench.PodsAsync()).Count());
            Assert.Equal("", await bench.StatusAsync("restartedAt"));
            await bench.CreatePodsAsync(stable, 2);
        }

        // The last two go, and with no pod older than restartAt left the restart is done, before their replacements come.
        var done = await bench.DriveAsync();

        Assert.Equal(RolloutDriveEnd.Healthy, done.End);
        Assert.Equal(HealthStatus.Healthy, done.Health?.Status);
        Assert.Equal(restartAt, await bench.StatusAsync("restartedAt"));
        Assert.Equal(6, (await bench.PodsAsync()).Count);
        Assert.Empty(old.Intersect(await bench.PodsAsync()));
    }

    [Fact]
    public async Task Nothing_is_restarted_while_fewer_pods_are_available_than_max_unavailable_leaves_room_for()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        var ready = await bench.CreatePodsAsync(stable, 3);
        var starting = Assert.Single(await bench.CreatePodsAsync(stable, 1, ready: false));
        await bench.RestartAsync();

        var waiting = await bench.DriveAsync(Briefly);

        Assert.Equal(RolloutDriveEnd.Waiting, waiting.End);
        Assert.Equal([.. ready.Append(starting).Order(StringComparer.Ordinal)], await bench.PodsAsync());

        await bench.MarkReadyAsync(starting);
        await bench.DriveAsync(Briefly);

        // 4 replicas: maxUnavailable 25% is 1, and the first pod by name goes first.
        var first = ready.Append(starting).Order(StringComparer.Ordinal).First();
        Assert.Equal([.. ready.Append(starting).Where(pod => pod != first).Order(StringComparer.Ordinal)], await bench.PodsAsync());
    }

    [Fact]
    public async Task A_restart_set_for_later_ends_the_drive_waiting_until_then_with_every_pod_left()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        var pods = await bench.CreatePodsAsync(stable, 4);
        var restartAt = await bench.RestartAsync(TimeSpan.FromHours(1));

        var waiting = await bench.DriveAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RolloutDriveEnd.Waiting, waiting.End);
        Assert.Equal(RolloutWaitingFor.Restart, waiting.WaitingFor);
        Assert.Equal(DateTimeOffset.Parse(restartAt, System.Globalization.CultureInfo.InvariantCulture), waiting.WakeAt);
        Assert.InRange(waiting.WakeAt ?? default, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal([.. pods.Order(StringComparer.Ordinal)], await bench.PodsAsync());
        Assert.Equal("", await bench.StatusAsync("restartedAt"));
    }

    [Fact]
    public async Task A_restart_at_already_recorded_as_restarted_at_restarts_nothing()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        var pods = await bench.CreatePodsAsync(stable, 4);
        var restartAt = await bench.RestartAsync();
        await bench.PatchAsync($$$"""{"status":{"restartedAt":"{{{restartAt}}}"}}""", status: true);

        var driven = await bench.DriveAsync();

        Assert.Equal(RolloutDriveEnd.Healthy, driven.End);
        Assert.Equal("Healthy", driven.Progress.Phase);
        Assert.Equal([.. pods.Order(StringComparer.Ordinal)], await bench.PodsAsync());
    }

    [Fact]
    public async Task A_new_pod_template_records_restart_at_as_done_because_its_pods_are_all_new()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        var pods = await bench.CreatePodsAsync(stable, 4);
        var restartAt = await bench.RestartAsync(TimeSpan.FromHours(1));
        await bench.ApplyRolloutAsync("nginx:1.28");

        var paused = await bench.DriveAsync();

        Assert.Equal(RolloutDriveEnd.Paused, paused.End);
        Assert.Equal(restartAt, await bench.StatusAsync("restartedAt"));
        Assert.Equal([.. pods.Order(StringComparer.Ordinal)], await bench.PodsAsync());
    }
}
