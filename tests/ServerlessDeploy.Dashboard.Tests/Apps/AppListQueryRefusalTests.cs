using System.Net;
using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

public sealed class AppListQueryRefusalTests(Fleet fleet) : IClassFixture<Fleet>
{
    [Theory]
    [InlineData("?sync=Bogus", "sync", "\"Bogus\" is not a sync status: it is one of Unknown, Synced, OutOfSync, Removed, Orphaned.")]
    [InlineData("?sync=1", "sync", "\"1\" is not a sync status")]
    [InlineData("?health=Fine&sync=Synced", "health", "\"Fine\" is not a health status: it is one of Healthy, Suspended, Progressing, Missing, Degraded, Unknown.")]
    [InlineData("?page=abc", "page", "\"abc\" is not a page")]
    [InlineData("?page=0", "page", "\"0\" is not a page")]
    [InlineData("?page=-1", "page", "\"-1\" is not a page")]
    [InlineData("?page=2", "page", "Page 2 is past the last page of this list, 1.")]
    [InlineData("?label=%3Dweb", "label", "\"=web\" is not a label")]
    [InlineData("?label=team%20name%3Dweb", "label", "\"team name=web\" is not a label")]
    [InlineData("?helth=Healthy", "helth", "The list takes no parameter \"helth\"")]
    [InlineData("?sync=Synced&sync=OutOfSync", "sync", "\"sync\" is given 2 times; give it once.")]
    public async Task A_value_the_list_cannot_match_is_a_400_page_naming_the_parameter(string query, string parameter, string problem)
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications" + query, HttpStatusCode.BadRequest);

        Assert.Equal(parameter, page.QuerySelector(".parameter")?.TextContent);
        Assert.StartsWith(problem, page.QuerySelector(".message")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("tr.app"));
    }

    [Fact]
    public async Task A_refused_value_is_shown_as_text_never_as_markup()
    {
        var page = await Pages.GetAsync(fleet.Dashboard.CreateClient(), "/applications?sync=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.BadRequest);

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.StartsWith("\"<script>alert(1)</script>\" is not a sync status", page.QuerySelector(".message")?.TextContent, StringComparison.Ordinal);
    }
}
