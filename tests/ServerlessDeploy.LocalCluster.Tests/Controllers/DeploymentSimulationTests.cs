using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

public sealed class DeploymentSimulationTests
{
    private const string Ns = SimulatedCluster.Namespace;

    [Fact]
    public async Task A_new_deployment_reports_every_replica_ready_at_its_generation()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment.yaml");

        var web = await ReadyAsync(cluster, "web");

        Assert.Equal((2, 2, 2, 2), (web.Status.Replicas, web.Status.UpdatedReplicas, web.Status.ReadyReplicas, web.Status.AvailableReplicas));
        Assert.Equal(web.Generation(), web.Status.ObservedGeneration);
        Assert.Null(web.Status.UnavailableReplicas);
        Assert.Equal(("True", "MinimumReplicasAvailable"), Condition(web, "Available"));
        Assert.Equal(("True", "NewReplicaSetAvailable"), Condition(web, "Progressing"));
        Assert.Matches("^ReplicaSet \"web-[bcdfghjklmnpqrstvwxz2456789]+\" has successfully progressed.$", web.Status.Conditions.Single(c => c.Type == "Progressing").Message);
    }

    [Fact]
    public async Task Kubectl_get_shows_the_ready_status_and_rollout_status_completes()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment.yaml");
        await ReadyAsync(cluster, "web");

        var (getExit, yaml) = await cluster.KubectlAsync("get", "deploy", "web", "-n", Ns, "-o", "yaml");
        var (rolloutExit, rollout) = await cluster.KubectlAsync("rollout", "status", "deploy/web", "-n", Ns, "--timeout=30s");

        Assert.Equal(0, getExit);
        Assert.Contains("readyReplicas: 2", yaml, StringComparison.Ordinal);
        Assert.Contains("reason: NewReplicaSetAvailable", yaml, StringComparison.Ordinal);
        Assert.True(rolloutExit == 0, rollout);
        Assert.Contains("deployment \"web\" successfully rolled out", rollout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_template_is_rolled_out_and_observed()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment.yaml");
        var first = await ReadyAsync(cluster, "web");

        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(ImagePatch("nginx:1.28"), "web", Ns);
        var second = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "web"), d => d.Status.ObservedGeneration == 2 && IsReady(d), "the second rollout");

        Assert.NotEqual(first.Status.Conditions.Single(c => c.Type == "Progressing").Message, second.Status.Conditions.Single(c => c.Type == "Progressing").Message);
    }

    [Fact]
    public async Task A_scaled_deployment_rolls_out_to_the_new_replica_count()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment.yaml");
        await ReadyAsync(cluster, "web");

        await cluster.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch), "web", Ns);
        var scaled = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "web"), d => d.Status.ObservedGeneration == 2 && IsReady(d), "the scaled rollout");
        var scale = await cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", Ns);

        Assert.Equal((5, 5, 5), (scaled.Status.Replicas, scaled.Status.UpdatedReplicas, scaled.Status.AvailableReplicas));
        Assert.Equal((5, 5), (scale.Spec.Replicas, scale.Status.Replicas));
    }

    [Fact]
    public async Task A_fail_image_reports_ProgressDeadlineExceeded_after_the_failure_deadline()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new LocalClusterOptions { FailureDeadline = TimeSpan.FromSeconds(5) });
        await cluster.CreateAsync("deployment-fail.yaml");
        var started = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "broken"), d => d.Status?.ObservedGeneration == 1, "the rollout starting");

        cluster.Time.Advance(TimeSpan.FromSeconds(5));
        var failed = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "broken"), d => Condition(d, "Progressing").Status == "False", "the deadline passing");

        Assert.Equal(("True", "ReplicaSetUpdated"), Condition(started, "Progressing"));
        Assert.Equal(("False", "ProgressDeadlineExceeded"), Condition(failed, "Progressing"));
        Assert.Equal(("False", "MinimumReplicasUnavailable"), Condition(failed, "Available"));
        Assert.Null(failed.Status.AvailableReplicas);
        Assert.Equal(1, failed.Status.UnavailableReplicas);
    }

    [Fact]
    public async Task A_fail_image_waits_for_progressDeadlineSeconds_when_no_failure_deadline_is_set()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment-fail.yaml");
        await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "broken"), d => d.Status?.ObservedGeneration == 1, "the rollout starting");

        cluster.Time.Advance(TimeSpan.FromSeconds(59));
        var before = await ReadAsync(cluster, "broken");
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "broken"), d => Condition(d, "Progressing").Reason == "ProgressDeadlineExceeded", "the 60 s deadline passing");

        Assert.Equal(("True", "ReplicaSetUpdated"), Condition(before, "Progressing"));
    }

    [Fact]
    public async Task Kubectl_rollout_status_fails_once_the_progress_deadline_is_exceeded()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new LocalClusterOptions { FailureDeadline = TimeSpan.FromSeconds(5) });
        await cluster.CreateAsync("deployment-fail.yaml");
        using var rollout = cluster.StartKubectl("rollout", "status", "deploy/broken", "-n", Ns, "--timeout=30s");
        await SimulatedCluster.WaitForOutputAsync(rollout, "Waiting for deployment \"broken\" rollout to finish");

        cluster.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.NotEqual(0, await rollout.ExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("exceeded its progress deadline", rollout.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_deployment_observes_its_generation_and_rolls_nothing_out()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment-paused.yaml");

        var held = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "held"), d => d.Status?.ObservedGeneration == 1, "the generation being observed");

        Assert.Equal(("Unknown", "DeploymentPaused"), Condition(held, "Progressing"));
        Assert.Equal((null, null, null), (held.Status.UpdatedReplicas, held.Status.AvailableReplicas, held.Status.Replicas));
    }

    [Fact]
    public async Task Pausing_a_ready_deployment_keeps_its_old_pods_and_updates_none()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("deployment.yaml");
        await ReadyAsync(cluster, "web");

        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"paused":true}}""", V1Patch.PatchType.MergePatch), "web", Ns);
        var paused = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "web"), d => d.Status.ObservedGeneration == 2, "the pause being observed");
        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(ImagePatch("nginx:1.28"), "web", Ns);
        var changed = await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "web"), d => d.Status.ObservedGeneration == 3, "the new template being observed");

        Assert.Equal(("Unknown", "DeploymentPaused"), Condition(paused, "Progressing"));
        Assert.Equal((2, 2, 2), (paused.Status.Replicas, paused.Status.UpdatedReplicas, paused.Status.AvailableReplicas));
        Assert.Equal(("Unknown", "DeploymentPaused"), Condition(changed, "Progressing"));
        Assert.Equal((2, null, 2), (changed.Status.Replicas, changed.Status.UpdatedReplicas, changed.Status.AvailableReplicas));
        Assert.Equal("True", Condition(changed, "Available").Status);

        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"paused":false}}""", V1Patch.PatchType.MergePatch), "web", Ns);
        await SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, "web"), d => d.Status.ObservedGeneration == 4 && IsReady(d), "the rollout after resuming");
    }

    internal static Task<V1Deployment> ReadAsync(SimulatedCluster cluster, string name) => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(name, Ns);

    internal static Task<V1Deployment> ReadyAsync(SimulatedCluster cluster, string name) =>
        SimulatedCluster.EventuallyAsync(() => ReadAsync(cluster, name), IsReady, $"deployment {name} being ready");

    internal static bool IsReady(V1Deployment d) =>
        d.Status?.ObservedGeneration == d.Generation() && Condition(d, "Progressing").Reason == "NewReplicaSetAvailable" && d.Status?.AvailableReplicas == d.Spec.Replicas;

    internal static (string? Status, string? Reason) Condition(V1Deployment d, string type) =>
        d.Status?.Conditions?.FirstOrDefault(c => c.Type == type) is { } c ? (c.Status, c.Reason) : (null, null);

    private static V1Patch ImagePatch(string image) =>
        new("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"IMAGE"}]}}}}""".Replace("IMAGE", image, StringComparison.Ordinal), V1Patch.PatchType.MergePatch);
}
