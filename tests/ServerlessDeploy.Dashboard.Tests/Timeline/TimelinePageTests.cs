using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Timeline;

public sealed class TimelinePageTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private static readonly DateTimeOffset Noon = States.Noon;

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task A_failed_multi_step_sync_shows_each_stage_with_its_latency_and_the_step_it_failed_at()
    {
        const string app = "timeline-failed";
        var stages = new OperationStages(Noon, Noon.AddMilliseconds(250), Noon.AddMilliseconds(400), Noon.AddSeconds(2), Noon.AddSeconds(40),
            [
                new StepStage("PreSync/0 apply", Noon.AddSeconds(2), Noon.AddSeconds(3)),
                new StepStage("Sync/0 apply", Noon.AddSeconds(3), Noon.AddSeconds(5)),
                new StepStage("Sync/0 health", Noon.AddSeconds(5), null),
            ],
            TriggerKind.GitPush, "intake-7f3a", "deploy-91c2", 3);
        await dashboard.Store.PutAppAsync(States.Failed(app, "health timeout: apps/Deployment:shop/web is Degraded") with { Stages = stages }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), $"/applications/{app}/timeline");

        var operation = page.Find(".timeline-operation");
        Assert.Equal("Git push", operation.Find(".trigger").TextContent);
        var rows = operation.QuerySelectorAll("tr.stage").Select(row => (row.Find(".name").TextContent, row.Find(".at").TextContent, row.Find(".latency").TextContent)).ToList();
        Assert.Equal(
            [
                ("Git push received", "2026-12-06 12:00:00.000 UTC", ""),
                ("routed", "2026-12-06 12:00:00.250 UTC", "+250 ms"),
                ("queued", "2026-12-06 12:00:00.400 UTC", "+150 ms"),
                ("sync started", "2026-12-06 12:00:02.000 UTC", "+1.6 s"),
                ("PreSync/0 apply", "2026-12-06 12:00:02.000 UTC", "+0 ms"),
                ("Sync/0 apply", "2026-12-06 12:00:03.000 UTC", "+1.0 s"),
                ("Sync/0 health ✖", "2026-12-06 12:00:05.000 UTC", "+2.0 s"),
                ("done", "2026-12-06 12:00:40.000 UTC", "+35.0 s"),
            ],
            rows);
        Assert.Equal("Sync/0 health ✖", Assert.Single(operation.QuerySelectorAll("tr.stage.failed")).Find(".name").TextContent);
        Assert.Equal("Failed at Sync/0 health", operation.Find(".failed-at").TextContent);
        Assert.Equal(("intake-7f3a", "deploy-91c2", "2"), (operation.Find(".event-message-id").TextContent, operation.Find(".deploy-message-id").TextContent, operation.Find(".retries").TextContent));
        Assert.Equal("2.0 s", operation.QuerySelectorAll("tr.stage")[5].Find(".duration").TextContent);
    }

    [Fact]
    public async Task Earlier_operations_come_from_the_history_newest_first_and_the_last_one_is_not_shown_twice()
    {
        const string app = "timeline-history";
        var last = Stages(Noon.AddMinutes(10), TriggerKind.ImagePush);
        await dashboard.Store.PutAppAsync(States.Synced(app) with { Stages = last }, Token);
        await dashboard.Store.AppendHistoryAsync(app, Entry("1111111aaaaaaaa") with { Stages = Stages(Noon, TriggerKind.Manual) }, Token);
        await dashboard.Store.AppendHistoryAsync(app, Entry("2222222bbbbbbbb") with { Initiator = "written before stages were kept" }, Token);
        await dashboard.Store.AppendHistoryAsync(app, Entry("0123456789abcdef") with { Stages = last }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), $"/applications/{app}/timeline");

        var operations = page.QuerySelectorAll(".timeline-operation").Select(op => (op.Find(".trigger").TextContent, op.Find(".revision").TextContent)).ToList();
        Assert.Equal([("ECR push", "0123456"), ("manual sync", "1111111")], operations);
        Assert.Empty(page.QuerySelectorAll(".failed-at, tr.stage.failed"));
    }

    [Fact]
    public async Task An_operation_recorded_before_its_trigger_was_kept_says_so_and_an_unknown_app_is_a_404()
    {
        await dashboard.Store.PutAppAsync(States.Synced("timeline-old") with { Stages = new OperationStages(null, null, null, Noon, Noon.AddSeconds(1), []) }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/timeline-old/timeline");

        Assert.Equal("trigger not recorded", page.Find(".trigger").TextContent);
        Assert.Equal("not recorded", page.Find(".retries").TextContent);
        Assert.Equal(3, page.QuerySelectorAll("tr.stage.not-reached").Length);
        await Pages.GetAsync(dashboard.CreateClient(), "/applications/timeline-none/timeline", System.Net.HttpStatusCode.NotFound);
    }

    private static OperationStages Stages(DateTimeOffset start, TriggerKind trigger) =>
        new(start, start.AddMilliseconds(100), start.AddMilliseconds(200), start.AddSeconds(1), start.AddSeconds(3),
            [new StepStage("Sync/0 apply", start.AddSeconds(1), start.AddSeconds(3))], trigger, "intake", "deploy", 1);

    private static HistoryEntry Entry(string revision) =>
        new(0, revision, "https://git.example/shop.git", "apps/shop", [], "sha256:00", Noon, OperationPhase.Succeeded, "successfully synced", "ada");
}
