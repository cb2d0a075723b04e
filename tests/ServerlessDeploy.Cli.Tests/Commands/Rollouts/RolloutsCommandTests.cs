using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Cli.Tests.Commands.Rollouts;

/// <summary>
/// `sdeploy rollouts` against the local API server, where no controller runs: each verb sends the kubectl plugin's
/// patch and drives the Rollout itself until it waits for a person; get reads only.
/// </summary>
public sealed class RolloutsCommandTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Get_shows_a_new_revision_paused_at_step_1_of_4_at_weight_25_and_promote_carries_it_through_the_timed_pause_to_healthy()
    {
        var bench = await PausedAtStepOneAsync();

        var get = await bench.RunAsync("get", "web");
        var json = await bench.RunAsync("get", "web", "-o", "json");

        Assert.True(get.Exit == 0, get.ToString());
        Assert.Contains("Status:          ॥ Paused\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("Message:         CanaryPauseStep\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("  Step:          1/4\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("  SetWeight:     25\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("  ActualWeight:  25\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("Images:          nginx:1.27 (stable)\n                 nginx:1.28 (canary)\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("→ 1  pause: {}\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("  0  setWeight: 25\n", get.Output, StringComparison.Ordinal);
        Assert.Matches(@"└──⧉ web-\w+ +ReplicaSet +✔ Healthy +\S+ +canary,ready:1/1", get.Output);
        Assert.Matches(@"└──⧉ web-\w+ +ReplicaSet +✔ Healthy +\S+ +stable,ready:3/3", get.Output);
        var view = JsonNode.Parse(json.Output)!;
        Assert.Equal("web", view["rollout"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(2, view["replicaSets"]!.AsArray().Count);

        var promote = await bench.RunAsync("promote", "web");

        Assert.True(promote.Exit == 0, promote.ToString());
        Assert.StartsWith("""rollout 'web' promoted (status {"status":{"pauseConditions":null}})""", promote.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n2/4 +25% → 50% +WeightChanged", promote.Output);
        Assert.Matches(@"\n3/4 +50% → 50% +Paused +CanaryPauseStep", promote.Output);
        Assert.Contains("Rollout step 4/4 completed (pause: 1s)", promote.Output, StringComparison.Ordinal);
        Assert.Contains("Phase:   Healthy\nStep:    4/4\n", promote.Output, StringComparison.Ordinal);
        Assert.EndsWith("Stopped: Healthy: every step is done\n", promote.Output, StringComparison.Ordinal);
        var status = (await bench.RolloutAsync())["status"]!;
        Assert.Equal(status["currentPodHash"]!.GetValue<string>(), status["stableRS"]!.GetValue<string>());
        Assert.Equal(4, await bench.ReplicasAsync(status["stableRS"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Abort_puts_the_stable_back_to_full_and_exits_0_another_verb_on_the_degraded_rollout_exits_1_and_retry_pauses_the_canary_again()
    {
        var bench = await PausedAtStepOneAsync();
        var before = (await bench.RolloutAsync())["status"]!;
        var (stable, canary) = (before["stableRS"]!.GetValue<string>(), before["currentPodHash"]!.GetValue<string>());

        var abort = await bench.RunAsync("abort", "web");

        Assert.True(abort.Exit == 0, abort.ToString());
        Assert.StartsWith("""rollout 'web' aborted (status {"status":{"abort":true}})""", abort.Output, StringComparison.Ordinal);
        Assert.Contains("Aborted", abort.Output, StringComparison.Ordinal);
        Assert.Contains("Phase:   Degraded\n", abort.Output, StringComparison.Ordinal);
        Assert.Contains("Message: RolloutAborted: Rollout aborted update to revision 2", abort.Output, StringComparison.Ordinal);
        Assert.Equal((4, 0), (await bench.ReplicasAsync(stable), await bench.ReplicasAsync(canary)));
        var get = await bench.RunAsync("get", "web");
        Assert.Contains("Status:          ✖ Degraded\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("  SetWeight:     0\n", get.Output, StringComparison.Ordinal);
        Assert.Contains("canary,aborted,ready:0/0", get.Output, StringComparison.Ordinal);

        var resume = await bench.RunAsync("resume", "web");

        Assert.True(resume.Exit == 1, resume.ToString());
        Assert.Equal($"error: Rollout {bench.Namespace}/web is Degraded: RolloutAborted: Rollout aborted update to revision 2\n", resume.Errors);

        var retry = await bench.RunAsync("retry", "web");

        Assert.True(retry.Exit == 0, retry.ToString());
        Assert.StartsWith("""rollout 'web' retried (status {"status":{"abort":false}})""", retry.Output, StringComparison.Ordinal);
        Assert.Contains("Phase:   Paused\nStep:    1/4\n", retry.Output, StringComparison.Ordinal);
        Assert.Equal((3, 1), (await bench.ReplicasAsync(stable), await bench.ReplicasAsync(canary)));
        Assert.NotEqual(true, (await bench.RolloutAsync())["status"]?["abort"]?.GetValue<bool>());
    }

    [Fact]
    public async Task Pause_shows_as_manually_paused_and_promote_unpauses_it_and_carries_it_to_healthy()
    {
        var bench = await PausedAtStepOneAsync();

        var pause = await bench.RunAsync("pause", "web");
        var get = await bench.RunAsync("get", "web");

        Assert.True(pause.Exit == 0, pause.ToString());
        Assert.StartsWith("""rollout 'web' paused (object {"spec":{"paused":true}})""", pause.Output, StringComparison.Ordinal);
        Assert.EndsWith("Stopped: Paused: spec.paused\n", pause.Output, StringComparison.Ordinal);
        Assert.Contains("Status:          ॥ Paused\nMessage:         manually paused\n", get.Output, StringComparison.Ordinal);
        var pausedBy = (await bench.RolloutAsync())["metadata"]!["managedFields"]!.AsArray()
            .Where(e => e!["fieldsV1"]?["f:spec"]?["f:paused"] is not null).Select(e => e!["manager"]!.GetValue<string>());
        Assert.Equal(["sdeploy-rollouts-cli"], pausedBy);

        var promote = await bench.RunAsync("promote", "web");

        Assert.True(promote.Exit == 0, promote.ToString());
        Assert.StartsWith("""rollout 'web' promoted (status {"status":{"pauseConditions":null}}; object {"spec":{"paused":false}})""", promote.Output, StringComparison.Ordinal);
        Assert.EndsWith("Stopped: Healthy: every step is done\n", promote.Output, StringComparison.Ordinal);
        Assert.False((await bench.RolloutAsync())["spec"]!["paused"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Promote_full_goes_straight_to_the_new_revision_skipping_the_steps_and_pauses_left()
    {
        var bench = await PausedAtStepOneAsync();

        var full = await bench.RunAsync("promote", "web", "--full");

        Assert.True(full.Exit == 0, full.ToString());
        Assert.StartsWith("""rollout 'web' fully promoted (status {"status":{"promoteFull":true}})""", full.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CanaryPauseStep", full.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("→ 50%", full.Output, StringComparison.Ordinal);
        Assert.EndsWith("Stopped: Healthy: every step is done\n", full.Output, StringComparison.Ordinal);
        var status = (await bench.RolloutAsync())["status"]!;
        Assert.Equal(status["currentPodHash"]!.GetValue<string>(), status["stableRS"]!.GetValue<string>());
        Assert.Equal(4, await bench.ReplicasAsync(status["stableRS"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Promote_of_a_healthy_rollout_sends_the_plugins_patch_that_keeps_the_last_step_and_it_stays_healthy()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        Assert.Equal(0, (await bench.RunAsync("resume", "web")).Exit);

        var promote = await bench.RunAsync("promote", "web");

        Assert.True(promote.Exit == 0, promote.ToString());
        Assert.StartsWith("""rollout 'web' promoted (status {"status":{"pauseConditions":null,"currentStepIndex":4}})""", promote.Output, StringComparison.Ordinal);
        Assert.Contains("Transitions: none\n", promote.Output, StringComparison.Ordinal);
        Assert.EndsWith("Stopped: Healthy: every step is done\n", promote.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_rollout_is_one_error_naming_it()
    {
        var bench = await RolloutsBench.StartAsync(fixture);

        var promote = await bench.RunAsync("promote", "nope");
        var get = await bench.RunAsync("get", "nope");

        Assert.Equal(1, promote.Exit);
        Assert.Equal("", promote.Output);
        Assert.Equal($"error: Rollout {bench.Namespace}/nope does not exist\n", promote.Errors);
        Assert.Equal(1, get.Exit);
        Assert.Equal($"error: Rollout {bench.Namespace}/nope does not exist\n", get.Errors);
    }

    [Fact]
    public async Task Without_n_and_with_no_namespace_in_the_kubeconfig_context_the_verb_exits_2_asking_for_it()
    {
        var promote = await Sdeploy.RunAsync("rollouts", "promote", "web", "--kubeconfig", fixture.KubeconfigPath);

        Assert.Equal(2, promote.Exit);
        Assert.Equal("", promote.Output);
        var line = Assert.Single(promote.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: -n/--namespace is required: kubeconfig context '", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_sets_restart_at_to_now_as_the_plugin_does_and_with_no_older_pod_left_records_it_as_restarted_at()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        Assert.Equal(0, (await bench.RunAsync("resume", "web")).Exit);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var restart = await bench.RunAsync("restart", "web");

        Assert.True(restart.Exit == 0, restart.ToString());
        var rollout = await bench.RolloutAsync();
        var restartAt = rollout["spec"]!["restartAt"]!.GetValue<string>();
        Assert.InRange(DateTimeOffset.Parse(restartAt, CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", restartAt);
        Assert.StartsWith($$$"""rollout 'web' restarts in 0s (object {"spec":{"restartAt":"{{{restartAt}}}"}})""", restart.Output, StringComparison.Ordinal);
        Assert.EndsWith("Stopped: Healthy: every step is done\n", restart.Output, StringComparison.Ordinal);
        Assert.Equal(restartAt, rollout["status"]!["restartedAt"]!.GetValue<string>());
        var restartedBy = rollout["metadata"]!["managedFields"]!.AsArray()
            .Where(e => e!["fieldsV1"]?["f:spec"]?["f:restartAt"] is not null).Select(e => e!["manager"]!.GetValue<string>());
        Assert.Equal(["sdeploy-rollouts-cli"], restartedBy);
    }

    [Fact]
    public async Task Restart_in_an_hour_sets_restart_at_an_hour_on_and_the_drive_waits_for_it_with_exit_0()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        Assert.Equal(0, (await bench.RunAsync("resume", "web")).Exit);
        var before = DateTimeOffset.UtcNow.AddHours(1).AddSeconds(-1);

        var restart = await bench.RunAsync("restart", "web", "--in", "1h");

        Assert.True(restart.Exit == 0, restart.ToString());
        var rollout = await bench.RolloutAsync();
        var restartAt = rollout["spec"]!["restartAt"]!.GetValue<string>();
        Assert.InRange(DateTimeOffset.Parse(restartAt, CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.AddHours(1));
        Assert.StartsWith($$$"""rollout 'web' restarts in 1h (object {"spec":{"restartAt":"{{{restartAt}}}"}})""", restart.Output, StringComparison.Ordinal);
        Assert.Contains("Message: rollout is restarting\n", restart.Output, StringComparison.Ordinal);
        Assert.Contains("Stopped: Waiting: restart at ", restart.Output, StringComparison.Ordinal);
        Assert.Null(rollout["status"]!["restartedAt"]);
    }

    [Fact]
    public async Task Restart_in_something_that_is_not_a_duration_exits_2_naming_the_option_and_patches_nothing()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");

        var restart = await bench.RunAsync("restart", "web", "--in", "soon");

        Assert.Equal(2, restart.Exit);
        Assert.Equal("error: --in 'soon' is not a duration (e.g. 30s, 5m, 1h)\n", restart.Errors);
        Assert.Null((await bench.RolloutAsync())["spec"]!["restartAt"]);
    }

    [Fact]
    public async Task An_unreachable_API_server_is_one_clear_error()
    {
        var kubeconfig = Path.Combine(fixture.Folder, "rollouts-unreachable-kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, fixture.Server.Kubeconfig().Replace(fixture.Server.Url.ToString().TrimEnd('/'), $"http://127.0.0.1:{ClosedPort()}", StringComparison.Ordinal));

        var abort = await Sdeploy.RunAsync("rollouts", "abort", "web", "-n", "default", "--kubeconfig", kubeconfig);

        Assert.Equal(1, abort.Exit);
        Assert.Equal("", abort.Output);
        var line = Assert.Single(abort.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("is unreachable: Connection refused", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_pause_that_outlasts_the_timeout_ends_the_verb_waiting_for_it_with_exit_0()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        const string steps = "[{setWeight: 25}, {pause: {duration: 1h}}]";
        await bench.ApplyRolloutAsync("nginx:1.27", steps);
        Assert.Equal(0, (await bench.RunAsync("resume", "web")).Exit);
        await bench.ApplyRolloutAsync("nginx:1.28", steps);

        var resume = await bench.RunAsync("resume", "web", "--timeout", "5");

        Assert.True(resume.Exit == 0, resume.ToString());
        Assert.Contains("Phase:   Paused\nStep:    1/2\n", resume.Output, StringComparison.Ordinal);
        Assert.Matches(@"Stopped: Waiting: pause step 1 ends at \S+ \(wakes at \S+\)\n$", resume.Output);
    }

    [Fact]
    public async Task A_canary_still_becoming_available_at_the_timeout_exits_1()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        Assert.Equal(0, (await bench.RunAsync("resume", "web")).Exit);
        await bench.ApplyRolloutAsync("nginx:fail-1");

        var resume = await bench.RunAsync("resume", "web", "--timeout", "2");

        Assert.True(resume.Exit == 1, resume.ToString());
        Assert.Contains("Phase:   Progressing\n", resume.Output, StringComparison.Ordinal);
        Assert.Equal($"error: Rollout {bench.Namespace}/web is still progressing at the end of --timeout: waiting for ReplicaSets to become available\n", resume.Errors);
    }

    [Fact]
    public async Task Without_n_the_kubeconfig_contexts_namespace_is_used()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        var kubeconfig = Path.Combine(fixture.Folder, $"kubeconfig-{bench.Namespace}");
        await File.WriteAllTextAsync(kubeconfig, fixture.Server.Kubeconfig().Replace("\n  context:\n", $"\n  context:\n    namespace: {bench.Namespace}\n", StringComparison.Ordinal));

        var resume = await Sdeploy.RunAsync("rollouts", "resume", "web", "--kubeconfig", kubeconfig);

        Assert.True(resume.Exit == 0, resume.ToString());
        Assert.EndsWith("Stopped: Healthy: every step is done\n", resume.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_lists_the_pods_of_a_ReplicaSet_where_pods_exist()
    {
        var bench = await PausedAtStepOneAsync();
        var canary = (await bench.RolloutAsync())["status"]!["currentPodHash"]!.GetValue<string>();
        var uid = await fixture.Kubectl.SucceedAsync("-n", bench.Namespace, "get", "rs", $"web-{canary}", "-o", "jsonpath={.metadata.uid}");
        await bench.ApplyAsync($$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-{{canary}}-x1
              labels: {app: web, rollouts-pod-template-hash: "{{canary}}"}
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-{{canary}}, uid: "{{uid}}", controller: true}]
            spec:
              containers: [{name: web, image: "nginx:1.28"}]
            """);

        var get = await bench.RunAsync("get", "web");

        Assert.True(get.Exit == 0, get.ToString());
        Assert.Matches($@"│  └──⧉ web-{canary} +ReplicaSet +✔ Healthy +\S+ +canary\n", get.Output);
        Assert.Matches($@"│     └──□ web-{canary}-x1 +Pod +. \S* +\S+ +ready:0/1\n", get.Output);
        Assert.Matches(@"└──⧉ web-\w+ +ReplicaSet +✔ Healthy +\S+ +stable,ready:3/3", get.Output);
    }

    /// <summary>Revision 1 driven to Healthy, then revision 2 driven to its indefinite pause at step 1.</summary>
    private async Task<RolloutsBench> PausedAtStepOneAsync()
    {
        var bench = await RolloutsBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        var first = await bench.RunAsync("resume", "web");
        Assert.True(first.Exit == 0 && first.Output.StartsWith("rollout 'web' resumed (nothing to patch)", StringComparison.Ordinal), first.ToString());
        Assert.EndsWith("Stopped: Healthy: every step is done\n", first.Output, StringComparison.Ordinal);
        await bench.ApplyRolloutAsync("nginx:1.28");
        var second = await bench.RunAsync("resume", "web");
        Assert.True(second.Exit == 0, second.ToString());
        Assert.Contains("Phase:   Paused\nStep:    1/4\n", second.Output, StringComparison.Ordinal);
        return bench;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
