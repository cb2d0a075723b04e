using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Tests.Sync;

public class PruneTests
{
    [Fact]
    public void Prune_runs_in_mirrored_waves_and_reverse_kind_order_with_PruneLast_at_the_end()
    {
        var plan = SyncFixture.Load("prune.yaml").Plan(new SyncPlanOptions { Prune = true });

        Assert.Equal(
        [
            "Sync/-1 prune Service: old-edge",
            "Sync/0 prune Deployment: old-api",
            "Sync/0 prune Service: old-api",
            "Sync/0 apply Namespace: shop",
            "Sync/0 apply Deployment: web",
            "Sync/2 prune ConfigMap: old-settings",
            "Sync/3 apply Job: seed",
            "Sync/4 prune ConfigMap: old-flags",
        ], PlanText.Lines(plan.Steps));
        Assert.All(plan.Tasks.Where(t => t.IsPrune), t => Assert.Null(t.Target));
    }

    [Fact]
    public void PruneLast_for_the_application_moves_every_prune_after_everything_else()
    {
        var plan = SyncFixture.Load("prune.yaml").Plan(new SyncPlanOptions { Prune = true, PruneLast = true });

        Assert.Equal(
        [
            "Sync/0 apply Namespace: shop",
            "Sync/0 apply Deployment: web",
            "Sync/3 apply Job: seed",
            "Sync/4 prune Deployment: old-api",
            "Sync/4 prune Service: old-api, old-edge",
            "Sync/4 prune ConfigMap: old-flags, old-settings",
        ], PlanText.Lines(plan.Steps));
    }

    [Fact]
    public void Prune_false_and_Delete_false_keep_the_live_object()
    {
        var plan = SyncFixture.Load("prune-false.yaml").Plan(new SyncPlanOptions { Prune = true });

        Assert.Equal(["Sync/0 prune ConfigMap: gone", "Sync/0 apply Deployment: web"], PlanText.Lines(plan.Steps));
        Assert.Equal(["ConfigMap keep-me: ignored (no prune)", "Secret keep-too: ignored (no prune)"], PlanText.Skipped(plan));
        Assert.All(plan.Skipped, s => Assert.Equal(SkipReason.PruneDisabledByResource, s.Reason));
    }

    [Fact]
    public void Without_prune_nothing_is_pruned_and_each_resource_is_reported_as_requiring_pruning()
    {
        var plan = SyncFixture.Load("prune.yaml").Plan();

        Assert.DoesNotContain(plan.Tasks, t => t.IsPrune);
        Assert.Equal(
        [
            "ConfigMap old-settings: ignored (requires pruning)",
            "Deployment old-api: ignored (requires pruning)",
            "Service old-api: ignored (requires pruning)",
            "Service old-edge: ignored (requires pruning)",
            "ConfigMap old-flags: ignored (requires pruning)",
        ], PlanText.Skipped(plan));
    }
}
