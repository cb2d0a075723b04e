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
