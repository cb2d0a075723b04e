using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Hooks;

namespace ServerlessDeploy.Core.Tests.Sync;

public class HookTests
{
    [Fact]
    public void Hooks_run_in_their_phases_around_the_regular_resources()
    {
        var plan = SyncFixture.Load("hooks.yaml").Plan(new SyncPlanOptions { Prune = true });

        Assert.Equal(
        [
            "PreSync/0 apply ConfigMap: hook-config",
            "PreSync/0 apply Job: migrate",
            "Sync/0 apply Deployment: web",
            "PostSync/0 apply ConfigMap: hook-config",
            "PostSync/0 apply Pod: smoke",
        ], PlanText.Lines(plan.Steps));
        Assert.All(plan.Tasks.Where(t => t.Kind != "Deployment"), t => Assert.True(t.IsHook));
        Assert.DoesNotContain(plan.Tasks, t => t.IsPrune);
    }

    [Fact]
    public void Hooks_left_by_an_earlier_sync_are_deleted_before_creation_unless_the_policy_says_otherwise()
    {
        var plan = SyncFixture.Load("hooks.yaml").Plan();

        Assert.Equal(["PreSync/0 hook /ConfigMap:shop/hook-config"], plan.Steps[0].HooksToDeleteBeforeCreation.Select(t => t.ToString()));
        Assert.Equal(HookDeletePolicies.HookSucceeded, plan.Tasks.Single(t => t.Name == "migrate").DeletePolicies);
        Assert.Equal(HookDeletePolicies.BeforeHookCreation, plan.Tasks.First(t => t.Name == "smoke").DeletePolicies);
    }

    [Fact]
    public void SyncFail_hooks_are_kept_apart_and_run_only_on_failure()
    {
        var plan = SyncFixture.Load("sync-fail.yaml").Plan();

        Assert.Equal(["PreSync/0 apply Job: migrate", "Sync/0 apply Deployment: web"], PlanText.Lines(plan.Steps));
        Assert.Equal(["SyncFail/0 apply Job: rollback-db"], PlanText.Lines(plan.FailureSteps));
        Assert.Equal(["migrate"], plan.HooksToDeleteAfterSync(succeeded: true).Select(t => t.Name));
        Assert.Equal(["rollback-db"], plan.HooksToDeleteAfterSync(succeeded: false).Select(t => t.Name));
    }

    [Fact]
    public void Skip_is_neither_applied_nor_pruned()
    {
        var plan = SyncFixture.Load("skip.yaml").Plan(new SyncPlanOptions { Prune = true });

        Assert.Equal(["PreSync/0 apply ConfigMap: skip-and-presync", "Sync/0 apply Deployment: web"], PlanText.Lines(plan.Steps));
        Assert.Equal(
        [
            "ConfigMap hand-tuned: skipped (argocd.argoproj.io/hook: Skip)",
            "ConfigMap legacy: ignored (argocd.argoproj.io/hook: Skip)",
        ], PlanText.Skipped(plan));
    }

    [Fact]
    public void Helm_hooks_map_to_phases_weights_and_delete_policies()
    {
        var plan = SyncFixture.Load("helm-hooks.yaml").Plan();

        Assert.Equal(
        [
            "PreSync/-5 apply Job: db-init",
            "Sync/0 apply ConfigMap: argo-wins",
            "Sync/0 apply CustomResourceDefinition: widgets.example.com",
            "PostSync/1 apply Job: reindex",
            "PostSync/3 apply Job: notify",
        ], PlanText.Lines(plan.Steps));
        Assert.Equal(HookDeletePolicies.BeforeHookCreation | HookDeletePolicies.HookSucceeded, plan.Tasks.Single(t => t.Name == "db-init").DeletePolicies);
        Assert.Equal(HookDeletePolicies.HookFailed, plan.Tasks.Single(t => t.Name == "notify").DeletePolicies);
        Assert.False(plan.Tasks.Single(t => t.Kind == "CustomResourceDefinition").IsHook);
        Assert.Equal(["Pod chart-test: hook \"test\" does not run in a sync"], PlanText.Skipped(plan));
    }

    [Fact]
    public void Hooks_with_generateName_are_planned_and_named_as_Argo_CD_names_them()
    {
        var plan = SyncFixture.Load("generate-name.yaml").Plan();

        Assert.True(plan.IsValid);
        Assert.Equal(["PreSync/0 apply Job: migrate-", "Sync/0 apply Deployment: web", "PostSync/0 apply Pod: smoke-"], PlanText.Lines(plan.Steps));
        var migrate = plan.Tasks.First();
        Assert.Equal("", migrate.Key.Name);
        var named = migrate.WithGeneratedName("1A2B3C4D5E6F", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("migrate-1a2b3c4-presync-1767225600", named.Target!.Name);
        Assert.Equal("", migrate.Target!.Name);
    }

    [Fact]
    public void GenerateName_on_a_regular_resource_is_an_error()
    {
        var plan = SyncFixture.Load("generate-name-not-hook.yaml").Plan();

        var error = Assert.Single(plan.Errors);
        Assert.Equal("/ConfigMap:shop/settings-", error.Key.ToString());
        Assert.Contains("generateName is only allowed on hooks", error.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Steps);
    }
}
