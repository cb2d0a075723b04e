using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

/// <summary>With a controller delay, the in-progress status comes first and the finished one when the clock has moved on.</summary>
public sealed class DelayedStatusTests
{
    private const string Ns = SimulatedCluster.Namespace;
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_deployment_is_progressing_until_the_delay_has_passed()
    {
        await using var cluster = await DelayedClusterAsync();
        await cluster.CreateAsync("deployment.yaml");

        var started = await SimulatedCluster.EventuallyAsync(() => DeploymentSimulationTests.ReadAsync(cluster, "web"), d => d.Status?.ObservedGeneration == 1, "the rollout starting");
        cluster.Time.Advance(Delay);
        await DeploymentSimulationTests.ReadyAsync(cluster, "web");

        Assert.Equal(("True", "ReplicaSetUpdated"), DeploymentSimulationTests.Condition(started, "Progressing"));
        Assert.Equal(("False", "MinimumReplicasUnavailable"), DeploymentSimulationTests.Condition(started, "Available"));
        Assert.Equal((2, 2, null, 2), (started.Status.Replicas, started.Status.UpdatedReplicas, started.Status.AvailableReplicas, started.Status.UnavailableReplicas));
    }

    [Fact]
    public async Task Kubectl_rollout_status_waits_for_the_delayed_rollout_and_completes()
    {
        await using var cluster = await DelayedClusterAsync();
        await cluster.CreateAsync("deployment.yaml");
        using var rollout = cluster.StartKubectl("rollout", "status", "deploy/web", "-n", Ns, "--timeout=30s");
        await SimulatedCluster.WaitForOutputAsync(rollout, "Waiting for deployment \"web\" rollout to finish");

        cluster.Time.Advance(Delay);

        Assert.True(await rollout.ExitAsync(TimeSpan.FromMinutes(2)) == 0, rollout.Output);
        Assert.Contains("deployment \"web\" successfully rolled out", rollout.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_keeps_the_old_pods_available_while_the_new_ones_start()
    {
        await using var cluster = await DelayedClusterAsync();
        await cluster.CreateAsync("deployment.yaml");
        await SimulatedCluster.EventuallyAsync(() => DeploymentSimulationTests.ReadAsync(cluster, "web"), d => d.Status?.ObservedGeneration == 1, "the rollout starting");
        cluster.Time.Advance(Delay);
        await DeploymentSimulationTests.ReadyAsync(cluster, "web");

        var patch = new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}""", V1Patch.PatchType.MergePatch);
        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", Ns);
        var updating = await SimulatedCluster.EventuallyAsync(() => DeploymentSimulationTests.ReadAsync(cluster, "web"), d => d.Status.ObservedGeneration == 2, "the update starting");

        Assert.Equal((4, 2, 2), (updating.Status.Replicas, updating.Status.UpdatedReplicas, updating.Status.AvailableReplicas));
        Assert.Equal(("True", "MinimumReplicasAvailable"), DeploymentSimulationTests.Condition(updating, "Available"));
        Assert.Equal(("True", "ReplicaSetUpdated"), DeploymentSimulationTests.Condition(updating, "Progressing"));
    }

    [Fact]
    public async Task A_job_is_active_until_the_delay_has_passed()
    {
        await using var cluster = await DelayedClusterAsync();
        await cluster.CreateAsync("job.yaml");

        var running = await SimulatedCluster.EventuallyAsync(() => cluster.Client.BatchV1.ReadNamespacedJobAsync("migrate", Ns), j => j.Status?.StartTime is not null, "the job starting");
        cluster.Time.Advance(Delay);
        var done = await SimulatedCluster.EventuallyAsync(() => cluster.Client.BatchV1.ReadNamespacedJobAsync("migrate", Ns), j => j.Status.Succeeded == 3, "the job completing");

        Assert.Equal(2, running.Status.Active);
        Assert.Null(running.Status.Conditions);
        Assert.Equal(running.Status.StartTime, done.Status.StartTime);
        Assert.Equal(done.Status.StartTime + Delay, done.Status.CompletionTime);
    }

    [Fact]
    public async Task Addresses_and_bindings_come_after_the_delay()
    {
        await using var cluster = await DelayedClusterAsync();
        await cluster.CreateAsync("pvc.yaml");
        await cluster.CreateAsync("services.yaml");

        var pending = await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", Ns), c => c.Status?.Phase == "Pending", "the claim pending");
        var waiting = await cluster.Client.CoreV1.ReadNamespacedServiceAsync("public", Ns);
        cluster.Time.Advance(Delay);
        await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", Ns), c => c.Status?.Phase == "Bound", "the claim bound");
        await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedServiceAsync("public", Ns), s => s.Status?.LoadBalancer?.Ingress?.Count == 1, "the address");

        Assert.Null(pending.Spec.VolumeName);
        Assert.Null(waiting.Status?.LoadBalancer?.Ingress);
    }

    private static Task<SimulatedCluster> DelayedClusterAsync() => SimulatedCluster.StartAsync(new LocalClusterOptions { ControllerDelay = Delay });
}
