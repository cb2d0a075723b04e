using System.Net;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Live;

/// <summary>A resource page's stream: its body again when the live object changes, Git rendered once for the recorded revision.</summary>
public sealed class ResourceStreamTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    private const string Path = "/applications/stream-res/resource/stream?group=&kind=ConfigMap&namespace=shop&name=settings";

    [Fact]
    public async Task The_stream_sends_the_resource_again_when_the_live_object_changes_rendering_Git_once()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("stream-res", "shop", Applications.Resource("", "ConfigMap", "shop", "settings")), CancellationToken.None);
        var live = new ChangingObject(ConfigMaps.Settings("green"));
        var git = new RecordingRenders(ConfigMaps.Settings("blue"));
        using var timeout = new CancellationTokenSource(Ceiling);
        using var client = Applications.Client(dashboard, live, git);

        using var response = await client.GetAsync(new Uri(Path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var stream = new EventStream(new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token)));
        var first = await stream.NextMessageAsync(timeout.Token);
        live.Current = ConfigMaps.Settings("red");
        var changed = await stream.NextMessageAsync(m => m.Contains("color: red", StringComparison.Ordinal), timeout.Token);

        Assert.Contains("color: green", first, StringComparison.Ordinal);
        Assert.Contains("class=\"manifest desired-manifest\"", changed, StringComparison.Ordinal);
        Assert.True(live.Reads > 1, "the live object was read once only");
        Assert.Single(git.Revisions);
    }

    [Fact]
    public async Task The_resource_page_opens_its_stream_through_htmx()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("stream-res-page", "shop", Applications.Resource("", "ConfigMap", "shop", "settings")), CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/stream-res-page/resource?group=&kind=ConfigMap&namespace=shop&name=settings");

        var live = page.Find("[hx-sse\\:connect]");
        Assert.Equal("/applications/stream-res-page/resource/stream?group=&kind=ConfigMap&namespace=shop&name=settings", live.GetAttribute("hx-sse:connect"));
        Assert.Equal("#resource-body", live.GetAttribute("hx-target"));
        Assert.NotNull(page.QuerySelector("#resource-body > .resource-status"));
    }

    [Theory]
    [InlineData("/applications/stream-nobody/resource/stream?kind=ConfigMap&name=settings", HttpStatusCode.NotFound)]
    [InlineData("/applications/stream-res/resource/stream?kind=ConfigMap", HttpStatusCode.BadRequest)]
    public async Task A_stream_for_an_unknown_app_or_an_unnamed_resource_is_refused(string path, HttpStatusCode expected)
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("stream-res", "shop"), CancellationToken.None);

        using var response = await dashboard.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>One live object a test changes while the stream runs, counting its reads.</summary>
    private sealed class ChangingObject(JsonObject initial) : ILiveResources
    {
        private int _reads;

        public JsonObject Current { get; set; } = initial;

        public int Reads => Volatile.Read(ref _reads);

        public Task<LiveObject> GetAsync(Application app, ResourceKey resource, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(LiveObject.Found((JsonObject)Current.DeepClone()));
        }

        public Task<LiveList> ListAsync(Application app, string group, string kind, string ns, CancellationToken cancellationToken) =>
            Task.FromResult(LiveList.Of([]));
    }
}
