using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Tree;

public sealed class TreePageTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private static JsonObject Object(string apiVersion, string kind, string name, string uid, string? owner = null) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "shop",
            ["uid"] = uid,
            ["ownerReferences"] = owner is null ? new JsonArray() : new JsonArray(new JsonObject { ["uid"] = owner, ["kind"] = "x", ["name"] = "x" }),
        },
    };

    [Fact]
    public async Task The_tree_places_each_owned_object_a_column_to_the_right_of_its_owner_and_links_it()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("tree-app", "shop", Applications.Resource("apps", "Deployment", "shop", "web")), CancellationToken.None);
        var cluster = new FakeCluster([], [
            Object("apps/v1", "Deployment", "web", "d1"),
            Object("apps/v1", "ReplicaSet", "web-5d9", "r1", owner: "d1"),
            Object("v1", "Pod", "web-5d9-a", "p1", owner: "r1"),
            Object("v1", "Pod", "web-5d9-b", "p2", owner: "r1"),
            Object("v1", "Pod", "stray", "p3"),
        ]);
        using var client = Applications.Client(dashboard, cluster, cluster);

        var page = await Pages.GetAsync(client, "/applications/tree-app/tree");

        Assert.Equal(["tree-app:0", "web:1", "web-5d9:2", "web-5d9-a:3", "web-5d9-b:3"], page.QuerySelectorAll(".tree-list .tree-item").Select(i => $"{i.GetAttribute("data-name")}:{i.GetAttribute("data-depth")}"));
        Assert.Equal(5, page.QuerySelectorAll("svg.tree-diagram a.tree-node").Length);
        Assert.Equal(4, page.QuerySelectorAll("svg.tree-diagram path.tree-edge").Length);
        Assert.Equal("/applications/tree-app/resource?group=apps&kind=ReplicaSet&namespace=shop&name=web-5d9",
            page.QuerySelector(".tree-item[data-name=web-5d9] a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".live-problem"));
    }

    [Fact]
    public async Task The_app_page_loads_the_tree_inline_from_its_panel_which_is_the_tree_alone()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("tree-inline", "shop", Applications.Resource("apps", "Deployment", "shop", "web")), CancellationToken.None);
        var cluster = new FakeCluster([], [Object("apps/v1", "Deployment", "web", "d1"), Object("apps/v1", "ReplicaSet", "web-5d9", "r1", owner: "d1")]);
        using var client = Applications.Client(dashboard, cluster, cluster);

        var app = await Pages.GetAsync(client, "/applications/tree-inline");
        var panelPath = app.Find("#resources #tree").GetAttribute("hx-get") ?? "";
        var panel = await Pages.GetAsync(client, panelPath);

        Assert.Equal("/applications/tree-inline/tree/panel", panelPath);
        Assert.Equal("load", app.Find("#tree").GetAttribute("hx-trigger"));
        Assert.Equal("/applications/tree-inline/tree", app.Find("#tree a").GetAttribute("href"));
        Assert.Equal(["tree-inline", "web", "web-5d9"], panel.QuerySelectorAll(".tree-list .tree-item").Select(i => i.GetAttribute("data-name")));
        Assert.NotNull(panel.QuerySelector("svg.tree-diagram"));
        Assert.Null(panel.QuerySelector("header.top"));
        Assert.Null(panel.QuerySelector("h1"));
    }

    [Fact]
    public async Task The_panel_of_an_app_the_state_does_not_have_is_404()
    {
        using var response = await dashboard.CreateClient().GetAsync(new Uri("/applications/tree-nobody/tree/panel", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_said_with_its_error_and_the_state_resources_are_still_shown()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("tree-down", "shop", Applications.Resource("apps", "Deployment", "shop", "web")), CancellationToken.None);
        var down = new Unreachable();
        using var client = Applications.Client(dashboard, down, new FakeCluster([], []));

        var page = await Pages.GetAsync(client, "/applications/tree-down/tree");

        Assert.Contains("connection refused", page.QuerySelector(".live-problem")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".tree-item[data-name=web][data-depth='1']"));
    }

    private sealed class Unreachable : ILiveResources
    {
        public Task<LiveObject> GetAsync(Application app, ResourceKey resource, CancellationToken cancellationToken) => Task.FromResult(LiveObject.NotRead("connection refused"));

        public Task<LiveList> ListAsync(Application app, string group, string kind, string ns, CancellationToken cancellationToken) => Task.FromResult(LiveList.NotRead("connection refused"));
    }
}
