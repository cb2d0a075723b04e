using ServerlessDeploy.State.ReadModel;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests.ReadModel;

public class AppViewsTests
{
    [Fact]
    public void A_new_app_reads_as_unknown_with_no_operation_revision_or_images()
    {
        var summary = AppViews.Summary(AppState.New("shop"));

        Assert.Equal(("shop", SyncStatusCode.Unknown, (HealthCode?)null, (string?)null, (RevisionInfo?)null), (summary.Name, summary.Sync, summary.Health, summary.Revision, summary.RevisionInfo));
        Assert.Equal(new OperationView(OperationPhase.None, "", null, null, null), summary.LastOperation);
        Assert.Empty(summary.Images);
    }

    [Theory]
    [InlineData("compared", "attempted", "deployed", "compared")]
    [InlineData(null, "attempted", "deployed", "attempted")]
    [InlineData(null, null, "deployed", "deployed")]
    [InlineData(null, null, null, null)]
    public void The_sync_status_is_against_the_compared_revision_or_in_an_older_record_the_last_operations(string? compared, string? attempted, string? deployed, string? expected)
    {
        var state = AppState.New("shop") with { ComparedRevision = compared, AttemptedRevision = attempted, Revision = deployed };

        Assert.Equal(expected, AppViews.Summary(state).ComparedRevision);
        Assert.Equal(expected, AppViews.ComparedRevision(state));
    }

    [Fact]
    public void The_detail_carries_the_last_dry_run()
    {
        var dryRun = new DryRunRecord("abc", true, "dry run at abc: ok", Start, Start.AddSeconds(2), "bob");

        Assert.Same(dryRun, AppViews.Detail(Small("shop") with { LastDryRun = dryRun }, []).LastDryRun);
    }

    [Fact]
    public void The_list_leaves_out_the_stages_the_detail_shows()
    {
        var state = Small("shop");

        Assert.Null(AppViews.Summary(state).LastOperation.Stages);
        Assert.Same(state.Stages, AppViews.Detail(state, []).Summary.LastOperation.Stages);
    }

    [Fact]
    public void A_resource_shows_what_the_sync_did_and_its_health_with_the_message()
    {
        var state = Small("shop");

        var detail = AppViews.Detail(state, [History("abc")]);

        Assert.Equal(
            new ResourceView("apps", "Deployment", "shop", "web", ResourceResultCode.Configured, true, "deployment.apps/web configured", HealthCode.Progressing, state.Resources[0].HealthMessage),
            detail.Resources[0]);
        Assert.Equal(("abc", state.Waiting, state.FailedNotice), (Assert.Single(detail.History).Revision, detail.Waiting, detail.FailedNotice));
    }
}
