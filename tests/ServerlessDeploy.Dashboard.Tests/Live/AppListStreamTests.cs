using System.Net;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Live;

/// <summary>The app list's stream: the list's page for the same filters, sent again whenever any app's status changes it.</summary>
public sealed class AppListStreamTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    /// <summary>A ceiling, not a wait: the stream polls every 50 ms; this only bounds a broken test on a loaded machine.</summary>
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_stream_sends_the_filtered_rows_then_again_when_an_app_changes_and_leaves_out_apps_the_filter_does_not_match()
    {
        await dashboard.Store.PutAppAsync(States.Synced("stream-list-web"), CancellationToken.None);
        await dashboard.Store.PutAppAsync(States.Synced("other-list-api"), CancellationToken.None);
        using var timeout = new CancellationTokenSource(Ceiling);
        using var client = dashboard.CreateClient();

        using var response = await client.GetAsync(new Uri("/stream/applications?q=stream-list-", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var stream = new EventStream(new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token)));
        var first = await stream.NextMessageAsync(timeout.Token);
        await dashboard.Store.PutAppAsync(States.Failed("stream-list-web", "sync to 89abcde failed: admission denied"), CancellationToken.None);
        var changed = await stream.NextMessageAsync(m => m.Contains("status-degraded", StringComparison.Ordinal), timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-app=\"stream-list-web\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("other-list-api", first, StringComparison.Ordinal);
        Assert.Contains("class=\"counts\"", first, StringComparison.Ordinal);
        Assert.Contains("Degraded", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_page_opens_its_stream_through_htmx_with_its_own_filters()
    {
        using var client = dashboard.CreateClient();

        var page = await Pages.GetAsync(client, "/applications?sync=OutOfSync&q=shop&page=1");

        var live = page.Find("[hx-sse\\:connect]");
        Assert.Equal("/stream/applications?sync=OutOfSync&q=shop", live.GetAttribute("hx-sse:connect"));
        Assert.Equal("#app-list", live.GetAttribute("hx-target"));
        Assert.Equal("innerHTML", live.GetAttribute("hx-swap"));
        Assert.NotNull(page.QuerySelector("#app-list > table.apps"));
    }

    [Fact]
    public async Task A_query_the_list_refuses_is_refused_by_its_stream_naming_the_parameter()
    {
        using var client = dashboard.CreateClient();

        using var response = await client.GetAsync(new Uri("/stream/applications?sync=Sideways", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sync", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
