using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

public sealed class AppListPageTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _dashboard;

    public AppListPageTests(DashboardFactory dashboard) => _dashboard = dashboard;

    [Fact]
    public async Task The_list_shows_each_app_with_its_sync_health_revision_and_images_in_argo_words()
    {
        await _dashboard.Store.PutAppAsync(States.Synced("list-guestbook"), CancellationToken.None);
        await _dashboard.Store.PutAppAsync(States.Failed("list-broken", "ComparisonError: invalid YAML"), CancellationToken.None);

        var page = await Pages.GetAsync(_dashboard.CreateClient(), "/applications?q=list-");

        var guestbook = page.QuerySelector("tr[data-app=list-guestbook]")!;
        Assert.Contains("Synced", guestbook.TextContent, StringComparison.Ordinal);
        Assert.Contains("Healthy", guestbook.TextContent, StringComparison.Ordinal);
        Assert.Equal("0123456", guestbook.QuerySelector(".revision .sha")!.TextContent);
        Assert.Equal("deploy list-guestbook", guestbook.QuerySelector(".commit-message")!.TextContent);
        Assert.Equal("nginx:1.27", guestbook.QuerySelector(".images")!.TextContent);
        Assert.NotNull(page.QuerySelector("tr[data-app=list-broken] .status-degraded"));
    }

    [Fact]
    public async Task A_commit_message_with_a_script_tag_is_shown_as_text_never_as_markup()
    {
        await _dashboard.Store.PutAppAsync(States.Synced("list-script") with { RevisionInfo = new RevisionInfo("Mallory", "<script>alert(1)</script>") }, CancellationToken.None);

        var page = await Pages.GetAsync(_dashboard.CreateClient(), "/applications?q=list-script");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("tr[data-app=list-script] .commit-message")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_app_is_a_404_page_that_names_it()
    {
        var page = await Pages.GetAsync(_dashboard.CreateClient(), "/applications/no-such-app", System.Net.HttpStatusCode.NotFound);

        Assert.Contains("\"no-such-app\"", page.QuerySelector(".message")!.TextContent, StringComparison.Ordinal);
    }
}
