using System.Net;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Live;

public sealed class LiveStreamTests : IClassFixture<DashboardFactory>
{
    /// <summary>A ceiling, not a wait: the stream polls every 50 ms; this only bounds a broken test on a loaded machine.</summary>
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    private const string SecretValue = "hunter2-do-not-show";

    private readonly DashboardFactory _dashboard;

    public LiveStreamTests(DashboardFactory dashboard) => _dashboard = dashboard;

    [Fact]
    public async Task The_stream_sends_the_status_panel_then_again_when_the_apps_state_changes_and_never_a_secret_value()
    {
        var secret = new ResourceState("", "Secret", "shop", "db", SyncPhaseCode.Sync, 0, ResourceResultCode.Configured, true, "configured", HealthCode.Healthy);
        var manifest = """{"kind":"Application","spec":{"source":{"helm":{"parameters":[{"name":"db.password","value":""" + $"\"{SecretValue}\"" + "}]}}}}";
        await _dashboard.Store.PutAppAsync(States.Synced("live-shop") with { Resources = [secret], Manifest = manifest }, CancellationToken.None);
        using var timeout = new CancellationTokenSource(Ceiling);
        using var client = _dashboard.CreateClient();

        using var response = await client.GetAsync(new Uri("/applications/live-shop/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var stream = new EventStream(reader);
        var first = await stream.NextMessageAsync(timeout.Token);
        await _dashboard.Store.PutAppAsync(States.Synced("live-shop") with { Resources = [secret], Manifest = manifest, Phase = OperationPhase.Running, Message = "syncing to 89abcde (Manual)" }, CancellationToken.None);
        var changed = await stream.NextMessageAsync(m => m.Contains("syncing to 89abcde", StringComparison.Ordinal), timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("class=\"status-panel\"", first, StringComparison.Ordinal);
        Assert.Contains("successfully synced", first, StringComparison.Ordinal);
        Assert.Contains("class=\"status-panel\"", changed, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, stream.Raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_message_with_a_script_tag_arrives_encoded()
    {
        await _dashboard.Store.PutAppAsync(States.Failed("live-script", "<script>alert(1)</script>"), CancellationToken.None);
        using var timeout = new CancellationTokenSource(Ceiling);
        using var client = _dashboard.CreateClient();

        using var response = await client.GetAsync(new Uri("/applications/live-script/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var first = await new EventStream(new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token))).NextMessageAsync(timeout.Token);

        Assert.DoesNotContain("<script>", first, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_page_opens_the_stream_through_htmx_and_a_stream_for_an_unknown_app_is_404()
    {
        await _dashboard.Store.PutAppAsync(States.Synced("live-page"), CancellationToken.None);
        using var client = _dashboard.CreateClient();

        var page = await Pages.GetAsync(client, "/applications/live-page");
        using var unknown = await client.GetAsync(new Uri("/applications/live-nobody/stream", UriKind.Relative));

        var live = page.QuerySelector("[hx-sse\\:connect]");
        Assert.Equal("/applications/live-page/stream", live?.GetAttribute("hx-sse:connect"));
        Assert.Equal("#status", live?.GetAttribute("hx-target"));
        Assert.Equal("innerHTML", live?.GetAttribute("hx-swap"));
        Assert.NotNull(page.QuerySelector("#status > .status-panel"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
