using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Waves;

namespace ServerlessDeploy.Core.Tests.Sync;

public class SyncOrderTests
{
    [Fact]
    public void Kinds_apply_in_kind_order_with_other_kinds_last()
    {
        var plan = SyncFixture.Load("kind-order.yaml").Plan();

        Assert.Equal(
        [
            "Sync/0 apply Namespace: shop",
            "Sync/0 apply NetworkPolicy: deny-all",
            "Sync/0 apply PodDisruptionBudget: web",
            "Sync/0 apply ServiceAccount: web",
            "Sync/0 apply Secret: creds",
            "Sync/0 apply ConfigMap: features, settings",
            "Sync/0 apply PersistentVolumeClaim: data",
            "Sync/0 apply CustomResourceDefinition: crontabs.stable.example.com",
            "Sync/0 apply ClusterRole: reader",
            "Sync/0 apply Role: read",
            "Sync/0 apply RoleBinding: read",
            "Sync/0 apply Service: web",
            "Sync/0 apply Deployment: web",
            "Sync/0 apply HorizontalPodAutoscaler: web",
            "Sync/0 apply StatefulSet: db",
            "Sync/0 apply Job: seed",
            "Sync/0 apply IngressClass: nginx",
            "Sync/0 apply Ingress: web",
            "Sync/0 apply CronTab: nightly",
        ], PlanText.Lines(plan.Steps));
    }

    [Fact]
    public void Kind_order_keeps_the_design_order_within_gitops_engines_list()
    {
        string[] design =
        [
            "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodDisruptionBudget", "ServiceAccount", "Secret",
            "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "Role", "RoleBinding", "Service", "DaemonSet", "Pod", "ReplicaSet", "Deployment",
            "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        ];

        Assert.Equal(design, KindOrder.Known.Where(design.Contains));
        Assert.Equal(design.Select(KindOrder.Of).Order(), design.Select(KindOrder.Of));
        Assert.Equal(KindOrder.Of("APIService") + 1, KindOrder.Of("Rollout"));
    }

    [Fact]
    public void Waves_run_in_order_negative_first_and_kinds_order_within_a_wave()
    {
        var plan = SyncFixture.Load("waves.yaml").Plan();

        Assert.Equal(
        [
            "Sync/-1 apply Secret: creds",
            "Sync/-1 apply ConfigMap: settings",
            "Sync/0 apply Service: web",
            "Sync/5 apply Deployment: web",
            "Sync/5 apply Job: warm-cache",
        ], PlanText.Lines(plan.Steps));
    }

    [Fact]
    public void A_namespace_and_a_crd_move_up_to_the_first_resource_that_needs_them()
    {
        var plan = SyncFixture.Load("dependencies.yaml").Plan();

        Assert.Equal(
        [
            "PreSync/0 apply Namespace: shop",
            "PreSync/0 apply Job: migrate",
            "Sync/1 apply CustomResourceDefinition: crontabs.stable.example.com",
            "Sync/1 apply CronTab: nightly",
        ], PlanText.Lines(plan.Steps));
    }

    [Fact]
    public void Apply_out_of_sync_only_leaves_out_in_sync_resources_but_never_hooks()
    {
        var fixture = SyncFixture.Load("out-of-sync-only.yaml");

        Assert.Equal(
            ["PreSync/0 apply Job: migrate", "Sync/0 apply ConfigMap: fresh", "Sync/0 apply Deployment: web"],
            PlanText.Lines(fixture.Plan().Steps));
        Assert.Equal(
            ["PreSync/0 apply Job: migrate", "Sync/0 apply ConfigMap: fresh, settings", "Sync/0 apply Deployment: web"],
            PlanText.Lines(fixture.Plan(new SyncPlanOptions { ApplyOutOfSyncOnly = false }).Steps));
    }

    [Fact]
    public void Apply_out_of_sync_only_keeps_in_sync_resources_in_their_step_for_its_health_gate_marked_not_to_be_written()
    {
        var fixture = SyncFixture.Load("out-of-sync-only.yaml");

        var tasks = fixture.Plan().Steps.Single(s => s.Phase == SyncPhase.Sync).Tasks.ToList();

        Assert.Equal(["fresh", "settings", "web"], tasks.Select(t => t.Name));
        Assert.Equal(["settings"], tasks.Where(t => !t.Writes).Select(t => t.Name));
        Assert.All(fixture.Plan(new SyncPlanOptions { ApplyOutOfSyncOnly = false }).Tasks, t => Assert.True(t.Writes));
    }
}
