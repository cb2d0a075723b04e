using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

/// <summary>
/// An app is shown against the revision it was last compared with (Argo CD's status.sync.revision), not only the one it
/// runs: a push with automated sync off leaves it OutOfSync from the new commit, and its diff shows Git there.
/// </summary>
public sealed class ComparedRevisionTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private const string Deployed = "aaaaaaa111111111111111111111111111111111";
    private const string Pushed = "bbbbbbb222222222222222222222222222222222";

    private AppState PushedButNotSynced(string app) => Applications.Deployed(app, "shop", Applications.Resource("", "ConfigMap", "shop", "settings")) with
    {
        Revision = Deployed,
        AttemptedRevision = Deployed,
        ComparedRevision = Pushed,
        SyncStatus = SyncStatusCode.OutOfSync,
        Message = "OutOfSync with bbbbbbb (/ConfigMap:shop/settings); automated sync is off",
    };

    [Fact]
    public async Task The_diff_renders_Git_at_the_compared_revision_so_the_pushed_change_shows()
    {
        await dashboard.Store.PutAppAsync(PushedButNotSynced("cmp-diff"), CancellationToken.None);
        var git = new RecordingRenders(ConfigMaps.Settings("blue"));
        using var client = Applications.Client(dashboard, new FakeCluster([], [ConfigMaps.Settings("green", live: true)]), git);

        var page = await Pages.GetAsync(client, "/applications/cmp-diff/diff");

        Assert.Equal([Pushed], git.Revisions);
        Assert.Contains($"Git at {Pushed}", page.Find(".diff-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("pre.diff .added"), line => line.TextContent.Contains("color: blue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_resource_page_compares_at_the_compared_revision_too()
    {
        await dashboard.Store.PutAppAsync(PushedButNotSynced("cmp-resource"), CancellationToken.None);
        var git = new RecordingRenders(ConfigMaps.Settings("blue"));
        using var client = Applications.Client(dashboard, new FakeCluster([], [ConfigMaps.Settings("green", live: true)]), git);

        await Pages.GetAsync(client, "/applications/cmp-resource/resource?group=&kind=ConfigMap&namespace=shop&name=settings");

        Assert.Equal([Pushed], git.Revisions);
    }

    [Fact]
    public async Task The_app_page_and_the_list_say_OutOfSync_from_the_compared_revision_and_which_one_runs()
    {
        await dashboard.Store.PutAppAsync(PushedButNotSynced("cmp-page"), CancellationToken.None);
        using var client = dashboard.CreateClient();

        var page = await Pages.GetAsync(client, "/applications/cmp-page");
        var list = await Pages.GetAsync(client, "/applications?q=cmp-page");

        Assert.Equal("from bbbbbbb", page.Find(".app-sync .compared-revision").TextContent);
        Assert.Equal(Pushed, page.Find(".app-sync .compared-revision .sha").GetAttribute("title"));
        Assert.Equal("deployed aaaaaaa", page.Find(".last-operation .revision").TextContent);
        var row = list.Find("tr[data-app=cmp-page]");
        Assert.Contains("OutOfSync", row.Find(".sync").TextContent, StringComparison.Ordinal);
        Assert.Equal("from bbbbbbb", row.Find(".sync .compared-revision").TextContent.Trim());
        Assert.Equal("aaaaaaa", row.Find(".revision .sha").TextContent);
    }

    [Fact]
    public async Task A_synced_app_is_synced_to_its_revision()
    {
        await dashboard.Store.PutAppAsync(States.Synced("cmp-synced", Deployed) with { ComparedRevision = Deployed }, CancellationToken.None);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/cmp-synced");

        Assert.Equal("to aaaaaaa", page.Find(".app-sync .compared-revision").TextContent);
    }
}
