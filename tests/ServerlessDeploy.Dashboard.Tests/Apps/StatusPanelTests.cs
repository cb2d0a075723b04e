using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

public sealed class StatusPanelTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_failed_sync_shows_its_message_its_times_the_unsent_notice_the_waiting_sync_and_failed_resources_first()
    {
        var failed = Applications.Resource("apps", "Deployment", "shop", "web", "admission webhook denied the request") with { Succeeded = false, Health = HealthCode.Degraded, HealthMessage = "Deployment exceeded its progress deadline" };
        var fine = Applications.Resource("", "Service", "shop", "web", "service/web unchanged");
        var state = Applications.Deployed("panel-app", "shop", fine, failed) with
        {
            Phase = OperationPhase.Failed,
            Message = "one or more objects failed to apply",
            FailedNotice = new NoticeFailure(NoticeKind.SyncFailed, "chat: 500", States.Noon),
            Waiting = new WaitingSync("sync-2", "abcdef1", "wave 1", "health of apps/Deployment web", States.Noon.AddMinutes(1), null),
        };
        await dashboard.Store.PutAppAsync(state, CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/panel-app");

        Assert.Equal("Failed", page.QuerySelector(".last-operation .phase")!.TextContent);
        Assert.Contains("2026-12-06 12:00:04Z", page.QuerySelector(".last-operation .finished")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("one or more objects failed to apply", page.QuerySelector(".condition-error .condition-message")!.TextContent);
        Assert.Contains("chat: 500", page.QuerySelector(".condition-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("health of apps/Deployment web", page.QuerySelector(".condition-waiting")!.TextContent, StringComparison.Ordinal);
        var resource = page.QuerySelector(".condition-resource[data-name=web]")!;
        Assert.Contains("admission webhook denied the request", resource.TextContent, StringComparison.Ordinal);
        Assert.Contains("progress deadline", resource.TextContent, StringComparison.Ordinal);
        Assert.Equal("Deployment", page.QuerySelector("#resources tbody tr")!.GetAttribute("data-kind"));
        Assert.Equal("/applications/panel-app/resource?group=apps&kind=Deployment&namespace=shop&name=web", resource.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_dry_run_is_shown_beside_the_last_operation_which_it_leaves_as_it_was()
    {
        var dryRun = new DryRunRecord("cccccccdddddddddddddddddddddddddddddddd", false, "dry run at ccccccc: deployment.apps/web failed: admission denied", States.Noon.AddMinutes(5), States.Noon.AddMinutes(6), "alice");
        await dashboard.Store.PutAppAsync(States.Synced("panel-dry") with { LastDryRun = dryRun }, CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/panel-dry");

        Assert.Equal("Succeeded", page.Find(".last-operation .phase").TextContent);
        Assert.Equal("successfully synced (all tasks run)", page.Find(".operation-message").TextContent);
        var shown = page.Find(".last-dry-run");
        Assert.Contains("status-degraded", shown.ClassList);
        Assert.Equal(dryRun.Message, shown.Find(".dry-run-message").TextContent);
        Assert.Contains("by alice", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-06 12:06:00Z", shown.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_healthy_app_has_no_conditions()
    {
        await dashboard.Store.PutAppAsync(States.Synced("panel-fine"), CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/panel-fine");

        Assert.Null(page.QuerySelector("#conditions"));
        Assert.Equal("Succeeded", page.QuerySelector(".last-operation .phase")!.TextContent);
    }
}
