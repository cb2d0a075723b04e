using k8s;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

public sealed class WorkloadSimulationTests
{
    private const string Ns = SimulatedCluster.Namespace;

    [Fact]
    public async Task A_statefulset_reports_every_replica_ready_at_one_revision()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("statefulset.yaml");

        var db = await SimulatedCluster.EventuallyAsync(() => cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("db", Ns), s => s.Status?.ReadyReplicas == 3, "statefulset db being ready");
        var (exitCode, output) = await cluster.KubectlAsync("rollout", "status", "sts/db", "-n", Ns, "--timeout=30s");

        Assert.Equal((3, 3, 3, 3), (db.Status.Replicas, db.Status.CurrentReplicas, db.Status.UpdatedReplicas, db.Status.AvailableReplicas));
        Assert.Equal(1, db.Status.ObservedGeneration);
        Assert.StartsWith("db-", db.Status.UpdateRevision, StringComparison.Ordinal);
        Assert.Equal(db.Status.UpdateRevision, db.Status.CurrentRevision);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task A_statefulset_of_a_fail_image_never_gets_a_ready_replica()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("statefulset-fail.yaml");

        var db = await SimulatedCluster.EventuallyAsync(() => cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("db-broken", Ns), s => s.Status?.ObservedGeneration == 1, "the generation being observed");
        cluster.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal((2, null, 0), (db.Status.Replicas, db.Status.ReadyReplicas, db.Status.AvailableReplicas));
        Assert.Null((await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("db-broken", Ns)).Status.ReadyReplicas);
    }

    [Fact]
    public async Task A_daemonset_reports_its_pod_on_the_one_simulated_node()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("daemonset.yaml");

        var agent = await SimulatedCluster.EventuallyAsync(() => cluster.Client.AppsV1.ReadNamespacedDaemonSetAsync("agent", Ns), d => d.Status?.NumberReady == 1, "daemonset agent being ready");
        var (exitCode, output) = await cluster.KubectlAsync("rollout", "status", "ds/agent", "-n", Ns, "--timeout=30s");

        Assert.Equal((1, 1, 1, 1, 0), (agent.Status.DesiredNumberScheduled, agent.Status.CurrentNumberScheduled, agent.Status.UpdatedNumberScheduled, agent.Status.NumberAvailable, agent.Status.NumberMisscheduled));
        Assert.Equal(1, agent.Status.ObservedGeneration);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task A_replicaset_reports_its_replicas_ready()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("replicaset.yaml");

        var frontend = await SimulatedCluster.EventuallyAsync(() => cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("frontend", Ns), r => r.Status?.ReadyReplicas == 3, "replicaset frontend being ready");

        Assert.Equal((3, 3, 3, 1L), (frontend.Status.Replicas, frontend.Status.FullyLabeledReplicas, frontend.Status.AvailableReplicas, frontend.Status.ObservedGeneration ?? 0));
    }

    [Fact]
    public async Task Scaling_a_replicaset_is_observed_at_the_new_generation()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("replicaset.yaml");
        await SimulatedCluster.EventuallyAsync(() => cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("frontend", Ns), r => r.Status?.ReadyReplicas == 3, "replicaset frontend being ready");

        await cluster.Client.AppsV1.PatchNamespacedReplicaSetAsync(new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch), "frontend", Ns);

        await SimulatedCluster.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedReplicaSetAsync("frontend", Ns),
            r => r.Status.ObservedGeneration == 2 && r.Status.ReadyReplicas == 5,
            "the scaled replicaset being ready");
    }
}
