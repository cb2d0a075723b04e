using System.Globalization;
using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

public sealed class AppListPagingTests(LargeFleet fleet) : IClassFixture<LargeFleet>
{
    [Fact]
    public async Task Pages_hold_a_hundred_rows_and_their_links_keep_the_filters()
    {
        var client = fleet.Dashboard.CreateClient();

        var first = await Pages.GetAsync(client, "/applications?project=shop&label=team%3Dshop");
        Assert.Equal(100, first.QuerySelectorAll("tr.app").Length);
        Assert.Equal("shop-000", first.QuerySelector("tr.app")?.GetAttribute("data-app"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("Page 1 of 3", first.QuerySelector(".page-of")?.TextContent);
        var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/applications?project=shop&label=team%3Dshop&page=2", next);

        var second = await Pages.GetAsync(client, next ?? "(no next link)");
        Assert.Equal("shop-100", second.QuerySelector("tr.app")?.GetAttribute("data-app"));
        Assert.Equal("/applications?project=shop&label=team%3Dshop", second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));

        var last = await Pages.GetAsync(client, second.QuerySelector("a[rel=next]")?.GetAttribute("href") ?? "(no next link)");
        Assert.Equal(50, last.QuerySelectorAll("tr.app").Length);
        Assert.Null(last.QuerySelector("a[rel=next]"));
        Assert.Equal("250 of 260 applications", last.QuerySelector(".count-total")?.TextContent);
    }

    [Fact]
    public async Task A_filtered_list_pages_over_the_matches_only()
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications?sync=OutOfSync&q=shop-");

        Assert.Equal(50, page.QuerySelectorAll("tr.app").Length);
        Assert.Null(page.QuerySelector("a[rel=next]"));
        Assert.All(page.QuerySelectorAll("tr.app"), row => Assert.Equal(0, int.Parse(row.GetAttribute("data-app")?[5..] ?? "", CultureInfo.InvariantCulture) % 5));
        Assert.Equal("50", page.QuerySelector("[data-sync=OutOfSync] .number")?.TextContent);
    }
}
