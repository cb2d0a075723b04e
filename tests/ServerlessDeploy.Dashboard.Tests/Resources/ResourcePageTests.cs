using System.Net;
using System.Text.Json.Nodes;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Resources;

public sealed class ResourcePageTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private static JsonObject ConfigMap(string value, bool live = false) => ConfigMaps.Settings(value, live);

    [Fact]
    public async Task The_resource_page_shows_live_and_desired_manifests_and_their_diff_without_managed_fields()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("page-app", "shop", Applications.Resource("", "ConfigMap", "shop", "settings")), CancellationToken.None);
        var cluster = new FakeCluster([ConfigMap("blue")], [ConfigMap("green", live: true)]);
        using var client = Applications.Client(dashboard, cluster, cluster);

        var page = await Pages.GetAsync(client, "/applications/page-app/resource?group=&kind=ConfigMap&namespace=shop&name=settings");

        var live = page.QuerySelector("pre.live-manifest")!.TextContent;
        Assert.Contains("color: green", live, StringComparison.Ordinal);
        Assert.Contains("resourceVersion", live, StringComparison.Ordinal);
        Assert.DoesNotContain("managedFields", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("color: blue", page.QuerySelector("pre.desired-manifest")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("pre.diff .removed"), l => l.TextContent.Contains("color: green", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("pre.diff .added"), l => l.TextContent.Contains("color: blue", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("pre.diff span"), l => l.TextContent.Contains("resourceVersion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_diff_lists_every_resource_out_of_sync_first_and_open_and_synced_ones_collapsed()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("diff-app", "shop", Applications.Resource("", "ConfigMap", "shop", "settings")), CancellationToken.None);
        var same = ConfigMap("blue");
        same["metadata"]!["name"] = "same";
        var sameLive = ConfigMap("blue", live: true);
        sameLive["metadata"]!["name"] = "same";
        var cluster = new FakeCluster([same, ConfigMap("blue")], [sameLive, ConfigMap("green", live: true)]);
        using var client = Applications.Client(dashboard, cluster, cluster);

        var page = await Pages.GetAsync(client, "/applications/diff-app/diff");

        var blocks = page.QuerySelectorAll("details.resource-diff");
        Assert.Equal(["settings", "same"], blocks.Select(b => b.GetAttribute("data-name")));
        Assert.True(blocks[0].HasAttribute("open"));
        Assert.False(blocks[1].HasAttribute("open"));
        Assert.Equal("Synced", blocks[1].QuerySelector(".diff-status")!.TextContent);
        Assert.Contains("1 of 2 resources differ", page.QuerySelector(".diff-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_render_that_fails_is_said_with_its_error_and_nothing_is_called_out_of_sync()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("diff-broken", "shop", Applications.Resource("", "ConfigMap", "shop", "settings")), CancellationToken.None);
        var cluster = new FakeCluster([], [ConfigMap("green", live: true)]);
        using var client = Applications.Client(dashboard, cluster, new BrokenRender());

        var page = await Pages.GetAsync(client, "/applications/diff-broken/diff");

        Assert.Contains("invalid YAML at line 4", page.QuerySelector(".live-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Unknown", page.QuerySelector("details[data-name=settings] .diff-status")!.TextContent);
        Assert.Null(page.QuerySelector("pre.diff"));
    }

    private sealed class BrokenRender : ServerlessDeploy.Dashboard.Ports.IDesiredManifests
    {
        public Task<ServerlessDeploy.Dashboard.Ports.RenderedManifests> RenderAsync(
            ServerlessDeploy.Core.Applications.Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken) =>
            Task.FromResult(ServerlessDeploy.Dashboard.Ports.RenderedManifests.Failed("settings.yaml: invalid YAML at line 4, column 1"));
    }

    [Fact]
    public async Task A_resource_without_kind_or_name_is_refused_with_a_message_that_says_what_is_missing()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("page-bad", "shop"), CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/page-bad/resource?kind=ConfigMap", HttpStatusCode.BadRequest);

        Assert.Contains("kind or name is missing", page.QuerySelector(".message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_cluster_the_page_says_why_and_still_shows_what_the_last_sync_recorded()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("page-offline", "shop", Applications.Resource("", "ConfigMap", "shop", "settings", "configmap/settings created")), CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/page-offline/resource?group=&kind=ConfigMap&namespace=shop&name=settings");

        Assert.Contains("not connected to a cluster", page.QuerySelector(".live-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("configmap/settings created", page.QuerySelector(".recorded-result .sync-message")!.TextContent);
    }

    [Fact]
    public async Task A_name_and_message_with_a_script_tag_are_shown_as_text_never_as_markup()
    {
        const string Script = "<script>alert(1)</script>";
        var resource = Applications.Resource("", "ConfigMap", "shop", Script, Script) with { Succeeded = false };
        await dashboard.Store.PutAppAsync(Applications.Deployed("page-script", "shop", resource) with { Phase = OperationPhase.Failed, Message = Script }, CancellationToken.None);
        using var client = Applications.Client(dashboard, new FakeCluster([], []), new FakeCluster([], []));

        foreach (var path in new[] { "/applications/page-script", "/applications/page-script/tree", "/applications/page-script/resource?kind=ConfigMap&namespace=shop&name=" + Uri.EscapeDataString(Script) })
        {
            var page = await Pages.GetAsync(client, path);

            Assert.Empty(page.QuerySelectorAll("main script"));
            Assert.Contains(Script, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }
}
