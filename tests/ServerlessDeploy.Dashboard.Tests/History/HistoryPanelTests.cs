using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.History;

public sealed class HistoryPanelTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Each_entry_shows_what_was_deployed_with_a_rollback_form_carrying_its_id_and_the_token_and_a_diff_link()
    {
        const string app = "history-shop";
        await dashboard.Store.PutAppAsync(States.Synced(app), Token);
        var first = await dashboard.Store.AppendHistoryAsync(app, Entry("aaaaaaa1111111111111111111111111111111111", "ci"), Token);
        var second = await dashboard.Store.AppendHistoryAsync(app, Entry("bbbbbbb2222222222222222222222222222222222", "ada") with { ImageOverrides = ["web=registry.example/web:1.4.3"] }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), $"/applications/{app}");

        var rows = page.QuerySelectorAll("#history tr.history-entry");
        Assert.Equal([second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows.Select(row => row.Find(".id").TextContent));
        var newest = rows[0];
        Assert.Equal("bbbbbbb", newest.Find(".revision").TextContent);
        Assert.Equal("2026-12-06 12:00:04 UTC", newest.Find(".deployed-at").TextContent);
        Assert.Contains("Succeeded", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal(("ada", "web=registry.example/web:1.4.3"), (newest.Find(".initiator").TextContent, newest.Find(".image-overrides code").TextContent));
        Assert.Equal($"/applications/{app}/history/{second.Id}/diff", newest.Find("a.diff").GetAttribute("href"));
        var form = newest.Find("form.rollback");
        Assert.Equal(("post", $"/applications/{app}/rollback"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Find("input[name=historyId]").GetAttribute("value"));
        var token = form.Find("input[type=hidden]:not([name=historyId])");
        Assert.Equal("__RequestVerificationToken", token.GetAttribute("name"));
        Assert.False(string.IsNullOrEmpty(token.GetAttribute("value")));
        Assert.Equal($"/applications/{app}/timeline", page.Find("#history .timeline-link a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_history_message_with_a_script_tag_is_shown_as_text()
    {
        const string app = "history-script";
        await dashboard.Store.PutAppAsync(States.Synced(app), Token);
        await dashboard.Store.AppendHistoryAsync(app, Entry("ccccccc3333333333333333333333333333333333", "<script>alert(1)</script>") with { Message = "<img src=x onerror=alert(2)>" }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), $"/applications/{app}");

        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        Assert.Equal("<script>alert(1)</script>", page.Find("#history .initiator").TextContent);
        Assert.Equal("<img src=x onerror=alert(2)>", page.Find("#history .message").TextContent);
    }

    [Fact]
    public async Task An_app_with_no_history_says_there_is_nothing_to_roll_back_to()
    {
        await dashboard.Store.PutAppAsync(States.Failed("history-none", "no sync yet"), Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/history-none");

        Assert.Empty(page.QuerySelectorAll("#history form"));
        Assert.Contains("nothing to roll back to", page.Find("#history .message").TextContent, StringComparison.Ordinal);
    }

    private static HistoryEntry Entry(string revision, string initiator) =>
        new(0, revision, "https://git.example/shop.git", "apps/shop", [], "sha256:00", States.Noon.AddSeconds(4), OperationPhase.Succeeded, "successfully synced", initiator);
}
