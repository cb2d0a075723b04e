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
