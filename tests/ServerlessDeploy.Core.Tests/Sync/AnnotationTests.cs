using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Options;

namespace ServerlessDeploy.Core.Tests.Sync;

public class AnnotationTests
{
    [Fact]
    public void An_invalid_sync_wave_is_an_error_naming_the_resource_and_the_value_and_plans_nothing()
    {
        var plan = SyncFixture.Load("invalid-wave.yaml").Plan();

        var error = Assert.Single(plan.Errors);
        Assert.Equal("apps/Deployment:shop/web: argocd.argoproj.io/sync-wave \"first\" is not an integer", error.ToString());
        Assert.False(plan.IsValid);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Unknown_options_and_hook_types_are_reported()
    {
        var plan = SyncFixture.Load("unknown-options.yaml").Plan();

        Assert.Equal(
        [
            "/ConfigMap:shop/settings: unknown sync option \"PrueLast=true\" in argocd.argoproj.io/sync-options"
                + " (known: Prune, Delete, PruneLast, Replace, ServerSideApply, Force, SkipDryRunOnMissingResource, Validate)",
            "apps/Deployment:shop/web: unknown compare option \"IgnoreEverything\" in argocd.argoproj.io/compare-options"
                + " (known: IgnoreExtraneous)",
            "batch/Job:shop/migrate: unknown hook type \"PreSnyc\" in argocd.argoproj.io/hook"
                + " (expected PreSync, Sync, PostSync, SyncFail, Skip, PreDelete or PostDelete)",
            "/Secret:shop/creds: sync option \"Prune=confirm\" in argocd.argoproj.io/sync-options must be Name=true or Name=false",
        ], plan.Errors.Select(e => e.ToString()));
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Sync_and_compare_options_parse_into_one_record_with_the_application_Replace_folded_in()
    {
        var plan = SyncFixture.Load("sync-options.yaml").Plan(new SyncPlanOptions { Replace = true });

        Assert.True(plan.IsValid, string.Join("; ", plan.Errors));
        var expected = new ResourceSyncOptions
        {
            Prune = false, Delete = false, PruneLast = true, Replace = true, Force = true,
            SkipDryRunOnMissingResource = true, Validate = false, IgnoreExtraneous = true,
        };
        Assert.Equal(expected, plan.Tasks.Single(t => t.Name == "all-options").Options);
        Assert.Equal(ResourceSyncOptions.Default with { Replace = true }, plan.Tasks.Single(t => t.Name == "no-options").Options);
    }

    [Fact]
    public void Options_that_would_do_nothing_are_refused_each_naming_its_resource_and_option()
    {
        var plan = SyncFixture.Load("refused-options.yaml").Plan();

        Assert.Equal(
        [
            "/ConfigMap:shop/client-side: sync option \"ServerSideApply=false\" in argocd.argoproj.io/sync-options is not supported yet: client-side apply;"
                + " resources are always applied server-side (Replace=true writes with create and update)",
            "/ConfigMap:shop/namespace: sync option \"CreateNamespace=true\" in argocd.argoproj.io/sync-options does nothing on a resource:"
                + " CreateNamespace=true belongs in the Application's spec.syncPolicy.syncOptions",
            "/ConfigMap:shop/server-side-diff: compare option \"ServerSideDiff=true\" in argocd.argoproj.io/compare-options is read from the Application's own annotations, not from a resource's",
            "batch/Job:shop/force-alone: sync option Force=true needs Replace=true: resources are applied server-side, and Argo CD refuses Force with server-side apply",
        ], plan.Errors.Select(e => e.ToString()));
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void Force_with_the_application_Replace_is_accepted()
    {
        var plan = SyncFixture.Load("refused-options.yaml").Plan(new SyncPlanOptions { Replace = true });

        Assert.DoesNotContain(plan.Errors, e => e.Key.Name == "force-alone");
    }
}
