using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

public sealed class AppListFilterTests(Fleet fleet) : IClassFixture<Fleet>
{
    [Theory]
    [InlineData("", "guestbook guestbook-canary never-synced payments redis retired")]
    [InlineData("?sync=OutOfSync", "guestbook-canary payments")]
    [InlineData("?sync=outofsync", "guestbook-canary payments")]
    [InlineData("?sync=Removed", "retired")]
    [InlineData("?health=Healthy", "guestbook redis")]
    [InlineData("?health=unknown", "never-synced")]
    [InlineData("?project=web", "guestbook guestbook-canary retired")]
    [InlineData("?project=default", "redis")]
    [InlineData("?cluster=prod-eu", "payments redis")]
    [InlineData("?cluster=https%3A%2F%2Fkubernetes.default.svc", "guestbook guestbook-canary retired")]
    [InlineData("?namespace=guestbook", "guestbook guestbook-canary")]
    [InlineData("?repo=https%3A%2F%2Fcharts.example%2Fstable", "redis")]
    [InlineData("?repo=https%3A%2F%2Fgit.example%2Fplatform%2Fconfig.git&namespace=cache", "redis")]
    [InlineData("?label=tier", "guestbook payments redis")]
    [InlineData("?label=tier%3Dbackend", "payments redis")]
    [InlineData("?label=team%3Dweb&label=tier", "guestbook")]
    [InlineData("?label=team%3D", "")]
    [InlineData("?q=GUEST", "guestbook guestbook-canary")]
    [InlineData("?q=canary&sync=OutOfSync&project=web", "guestbook-canary")]
    [InlineData("?project=nobody", "")]
    [InlineData("?q=&sync=&health=&project=&cluster=&namespace=&repo=&label=&page=", "guestbook guestbook-canary never-synced payments redis retired")]
    public async Task Each_filter_in_the_url_narrows_the_list_on_the_server(string query, string expected)
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications" + query);

        Assert.Equal(expected, string.Join(' ', page.QuerySelectorAll("tr.app").Select(row => row.GetAttribute("data-app"))));
        Assert.Equal($"{expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} of {Fleet.Apps.Count} applications", page.QuerySelector(".count-total")?.TextContent);
    }

    [Fact]
    public async Task The_counts_per_status_are_over_the_whole_fleet_whatever_the_filter_and_each_links_to_its_filter()
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications?project=money");

        string Count(string selector) => page.QuerySelector($"{selector} .number")?.TextContent ?? "(none)";
        Assert.Equal(("2", "2", "1", "0", "1"), (Count("[data-sync=Synced]"), Count("[data-sync=OutOfSync]"), Count("[data-sync=Removed]"), Count("[data-sync=Orphaned]"), Count("[data-sync=Unknown]")));
        Assert.Equal(("2", "1", "1", "1", "1"), (Count("[data-health=Healthy]"), Count("[data-health=Progressing]"), Count("[data-health=Degraded]"), Count("[data-health=Missing]"), Count("[data-health=Unknown]")));
        Assert.Equal("/applications?sync=OutOfSync", page.QuerySelector("[data-sync=OutOfSync]")?.GetAttribute("href"));
        Assert.Equal("/applications?health=Degraded", page.QuerySelector("[data-health=Degraded]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Each_select_box_offers_the_values_present_in_the_fleet_with_the_chosen_one_selected()
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications?cluster=prod-eu&label=tier%3Dbackend");

        string[] Options(string name) => [.. page.QuerySelectorAll($"select[name={name}] option").Select(o => o.TextContent).Where(t => t != "All")];
        string? Selected(string name) => page.QuerySelector($"select[name={name}] option[selected]")?.TextContent;
        Assert.Equal(["default", "money", "web"], Options("project"));
        Assert.Equal([Fleet.InCluster, "prod-eu"], Options("cluster"));
        Assert.Equal(["cache", "guestbook", "old", "payments"], Options("namespace"));
        Assert.Equal([Fleet.Charts, Fleet.Config], Options("repo"));
        Assert.Equal(["team=money", "team=web", "tier=backend", "tier=frontend"], Options("label"));
        Assert.Equal(["Unknown", "Synced", "OutOfSync", "Removed", "Orphaned"], Options("sync"));
        Assert.Equal(("prod-eu", "tier=backend", (string?)null), (Selected("cluster"), Selected("label"), Selected("project")));
    }

    [Fact]
    public async Task A_row_shows_project_destination_and_last_operation_with_its_time()
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications?q=payments");

        var row = page.QuerySelector("tr[data-app=payments]");
        Assert.NotNull(row);
        Assert.Equal(("money", "prod-eu", "payments"), (row.QuerySelector(".project")?.TextContent, row.QuerySelector(".cluster")?.TextContent, row.QuerySelector(".namespace")?.TextContent));
        Assert.Equal("Succeeded", row.QuerySelector(".operation .phase")?.TextContent);
        Assert.Equal(States.Noon.AddSeconds(4), DateTimeOffset.Parse(row.QuerySelector(".operation time")?.GetAttribute("datetime") ?? "", System.Globalization.CultureInfo.InvariantCulture));
    }
}
