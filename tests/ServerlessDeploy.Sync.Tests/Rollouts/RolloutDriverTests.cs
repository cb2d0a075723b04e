using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// A canary driven step by step against the local API server, with no controller: what Argo Rollouts would have written
/// (ReplicaSets, Service selectors, status through the status subresource), under our own field manager, and the
/// Argo Rollouts kubectl plugin's patches honoured at the next drive.
/// </summary>
public sealed class RolloutDriverTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_first_deploy_goes_straight_to_full_and_both_services_follow_its_hash()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");

        var result = await bench.DriveAsync();

        var rollout = await bench.RolloutAsync();
        var hash = rollout["status"]?["currentPodHash"]?.ToString() ?? "";
        Assert.Equal(RolloutDriveEnd.Healthy, result.End);
        Assert.Equal(HealthStatus.Healthy, result.Health?.Status);
        Assert.Equal("Healthy", rollout["status"]?["phase"]?.ToString());
        Assert.Equal(hash, rollout["status"]?["stableRS"]?.ToString());
        Assert.Equal(4, rollout["status"]?["currentStepIndex"]?.GetValue<int>());
        Assert.Equal((4, "nginx:1.27"), (await bench.ReplicaSetsAsync())[hash]);
        Assert.Equal(hash, await bench.SelectorHashAsync("web-canary"));
        Assert.Equal(hash, await bench.SelectorHashAsync("web-stable"));
        var rs = await bench.GetAsync("apps/v1", "ReplicaSet", $"web-{hash}");
        Assert.Equal("1", rs["metadata"]?["annotations"]?["rollout.argoproj.io/revision"]?.ToString());
        Assert.Equal("web", (await bench.GetAsync("v1", "Service", "web-stable"))["metadata"]?["annotations"]?["argo-rollouts.argoproj.io/managed-by-rollouts"]?.ToString());
    }

    [Fact]
    public async Task A_new_revision_stops_at_the_indefinite_pause_and_a_promotion_patch_carries_it_through_the_timed_pause_to_full()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        await bench.ApplyRolloutAsync("nginx:1.28");

        var paused = await bench.DriveAsync();

        var canary = await bench.StatusAsync("currentPodHash");
        Assert.Equal(RolloutDriveEnd.Paused, paused.End);
        Assert.Equal(HealthStatus.Suspended, paused.Health?.Status);
        Assert.Equal(1, paused.Progress.StepIndex);
        Assert.Equal("Paused", paused.Progress.Phase);
        var sets = await bench.ReplicaSetsAsync();
        Assert.Equal((1, "nginx:1.28"), sets[canary]);
        Assert.Equal((3, "nginx:1.27"), sets[stable]);
        Assert.Equal(canary, await bench.SelectorHashAsync("web-canary"));
        Assert.Equal(stable, await bench.SelectorHashAsync("web-stable"));
        Assert.Contains(paused.Transitions, t => t.Kind == RolloutTransitionKind.WeightChanged && t.CanaryWeight == 25);
        Assert.Single(paused.Transitions, t => t.Kind == RolloutTransitionKind.Paused && t.StepIndex == 1);

        // `kubectl argo rollouts promote` on a step pause clears the pause conditions through the status subresource.
        await bench.PatchAsync("""{"status":{"pauseConditions":null}}""", status: true);
        var done = await bench.DriveAsync();

        var rollout = await bench.RolloutAsync();
        Assert.Equal(RolloutDriveEnd.Healthy, done.End);
        Assert.Equal(canary, rollout["status"]?["stableRS"]?.ToString());
        Assert.Contains(done.Transitions, t => t.Kind == RolloutTransitionKind.WeightChanged && t.CanaryWeight == 50);
        Assert.Single(done.Transitions, t => t.Kind == RolloutTransitionKind.Paused && t.StepIndex == 3);
        Assert.Equal("Rollout is resumed", Assert.Single(done.Transitions, t => t.Kind == RolloutTransitionKind.Resumed).Message);
        Assert.Equal(4, (await bench.ReplicaSetsAsync())[canary].Replicas);
        Assert.Equal(canary, await bench.SelectorHashAsync("web-stable"));
    }

    [Fact]
    public async Task The_abort_patch_puts_the_stable_back_to_full_and_retry_starts_the_canary_again()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        await bench.ApplyRolloutAsync("nginx:1.28");
        await bench.DriveAsync();
        var canary = await bench.StatusAsync("currentPodHash");

        await bench.PatchAsync("""{"status":{"abort":true}}""", status: true);
        var aborted = await bench.DriveAsync();

        var rollout = await bench.RolloutAsync();
        Assert.Equal(RolloutDriveEnd.Degraded, aborted.End);
        Assert.Equal(HealthStatus.Degraded, aborted.Health?.Status);
        Assert.True(rollout["status"]?["abort"]?.GetValue<bool>());
        Assert.Equal("Degraded", rollout["status"]?["phase"]?.ToString());
        Assert.StartsWith("RolloutAborted: Rollout aborted update to revision 2", rollout["status"]?["message"]?.ToString(), StringComparison.Ordinal);
        var sets = await bench.ReplicaSetsAsync();
        Assert.Equal(4, sets[stable].Replicas);
        Assert.Equal(0, sets[canary].Replicas);
        Assert.Equal(stable, await bench.SelectorHashAsync("web-canary"));
        Assert.Contains(aborted.Transitions, t => t.Kind == RolloutTransitionKind.Aborted);

        await bench.PatchAsync("""{"status":{"abort":false}}""", status: true);
        var retried = await bench.DriveAsync();

        Assert.Equal(RolloutDriveEnd.Paused, retried.End);
        Assert.Equal(1, retried.Progress.StepIndex);
        Assert.Equal(1, (await bench.ReplicaSetsAsync())[canary].Replicas);
        Assert.Equal(canary, await bench.SelectorHashAsync("web-canary"));
    }

    [Fact]
    public async Task Every_write_is_made_as_our_rollouts_field_manager_never_as_the_syncs()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        await bench.DriveAsync();
        var hash = await bench.StatusAsync("currentPodHash");

        var rs = await bench.GetAsync("apps/v1", "ReplicaSet", $"web-{hash}");
        var service = await bench.GetAsync("v1", "Service", "web-canary");
        var rollout = await bench.RolloutAsync();

        Assert.Equal([RolloutWriter.FieldManager], Managers(rs));
        Assert.Contains(RolloutWriter.FieldManager, Managers(service));
        var selectorOwners = (service["metadata"]?["managedFields"]?.AsArray() ?? [])
            .Where(e => e?["fieldsV1"]?.ToJsonString().Contains("rollouts-pod-template-hash", StringComparison.Ordinal) == true)
            .Select(e => e?["manager"]?.ToString()).ToList();
        Assert.Equal([RolloutWriter.FieldManager], selectorOwners);
        Assert.DoesNotContain(rollout["metadata"]?["managedFields"]?.AsArray() ?? [], e => e?["manager"]?.ToString() == "serverless-deploy" && e?["subresource"]?.ToString() == "status");
    }

    [Fact]
    public async Task A_canary_that_never_becomes_available_is_degraded_at_its_progress_deadline_and_aborted_when_asked()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27", extra: "  progressDeadlineSeconds: 2");
        await bench.ApplyRolloutAsync("nginx:fail-1", extra: "  progressDeadlineSeconds: 2");

        var degraded = await bench.DriveAsync();

        var rollout = await bench.RolloutAsync();
        Assert.Equal(RolloutDriveEnd.Degraded, degraded.End);
        Assert.Contains("ProgressDeadlineExceeded", rollout["status"]?["message"]?.ToString() ?? "", StringComparison.Ordinal);
        Assert.NotEqual(true, rollout["status"]?["abort"]?.GetValue<bool>());

        await bench.ApplyRolloutAsync("nginx:fail-2", extra: "  progressDeadlineSeconds: 2\n  progressDeadlineAbort: true");
        var aborted = await bench.DriveAsync();

        rollout = await bench.RolloutAsync();
        Assert.Equal(RolloutDriveEnd.Degraded, aborted.End);
        Assert.True(rollout["status"]?["abort"]?.GetValue<bool>());
        Assert.Equal(4, (await bench.ReplicaSetsAsync())[stable].Replicas);
        Assert.Equal(stable, await bench.SelectorHashAsync("web-canary"));
    }

    [Fact]
    public async Task A_new_revision_mid_canary_starts_over_at_step_0_and_scales_the_intermediate_down_and_the_stable_image_skips_every_step()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        var stable = await bench.DeployedAsync("nginx:1.27");
        await bench.ApplyRolloutAsync("nginx:1.28");
        await bench.DriveAsync();
        var intermediate = await bench.StatusAsync("currentPodHash");

        await bench.ApplyRolloutAsync("nginx:1.29");
        var again = await bench.DriveAsync();

        var third = await bench.StatusAsync("currentPodHash");
        Assert.Equal(RolloutDriveEnd.Paused, again.End);
        Assert.Equal(1, again.Progress.StepIndex);
        var sets = await bench.ReplicaSetsAsync();
        Assert.Equal(0, sets[intermediate].Replicas);
        Assert.Equal((1, "nginx:1.29"), sets[third]);
        Assert.Equal(3, sets[stable].Replicas);

        await bench.ApplyRolloutAsync("nginx:1.27");
        var back = await bench.DriveAsync();

        var rollout = await bench.RolloutAsync();
        Assert.Equal(RolloutDriveEnd.Healthy, back.End);
        Assert.Equal(stable, rollout["status"]?["currentPodHash"]?.ToString());
        Assert.Equal(4, (await bench.ReplicaSetsAsync())[stable].Replicas);
        Assert.Equal(0, (await bench.ReplicaSetsAsync())[third].Replicas);
        Assert.Equal(stable, await bench.SelectorHashAsync("web-canary"));
    }

    [Fact]
    public async Task A_timed_pause_past_the_drives_limit_ends_it_waiting_until_the_pause_is_over()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27", steps: "[{setWeight: 25}, {pause: {duration: 1h}}]");
        await bench.DriveAsync();
        await bench.ApplyRolloutAsync("nginx:1.28", steps: "[{setWeight: 25}, {pause: {duration: 1h}}]");

        var started = DateTimeOffset.UtcNow;
        var waiting = await bench.DriveAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RolloutDriveEnd.Waiting, waiting.End);
        Assert.Equal(HealthStatus.Suspended, waiting.Health?.Status);
        Assert.InRange(waiting.WakeAt ?? default, started + TimeSpan.FromMinutes(59), DateTimeOffset.UtcNow + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(2));
    }

    private static List<string?> Managers(System.Text.Json.Nodes.JsonObject obj) =>
        (obj["metadata"]?["managedFields"]?.AsArray() ?? []).Select(e => e?["manager"]?.ToString()).Distinct().ToList();
}
