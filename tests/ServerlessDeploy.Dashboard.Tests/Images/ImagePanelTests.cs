using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Images;

public sealed class ImagePanelTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private const string Web = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web";

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task A_semver_app_shows_the_running_tag_and_why_each_other_tag_lost_in_the_updaters_words()
    {
        const string app = "images-semver";
        await dashboard.Store.PutAppAsync(States.Synced(app) with
        {
            Images = [$"{Web}:1.2.0"],
            ImageOverrides = [$"{Web}:1.2.0"],
            Manifest = Manifest(app, $"web={Web}:^1.0"),
        }, Token);
        foreach (var (tag, minute) in new[] { ("1.0.9", 1), ("1.2.0", 2), ("2.0.0", 3), ("1.1.0", 4) })
        {
            await dashboard.Store.RecordImageAsync(new CatalogImage(Web, tag, "sha256:" + new string((char)('a' + minute), 64), States.Noon.AddMinutes(minute)), Token);
        }

        var page = await Pages.GetAsync(dashboard.CreateClient(), $"/applications/{app}");

        var image = page.Find("#images .image-standing[data-image=web]");
        Assert.Equal("semver ^1.0", image.Find(".strategy").TextContent);
        Assert.Equal($"{Web}:1.2.0", image.Find(".running code").TextContent);
        var tags = image.QuerySelectorAll("tr.tag").Select(row => (row.Find(".tag-name").TextContent, row.Find(".role").TextContent, row.Find(".reason").TextContent)).ToList();
        Assert.Equal(
            [
                ("1.1.0", "lost", "1.2.0 is newer under ^1.0"),
                ("2.0.0", "lost", "2.0.0 does not satisfy ^1.0"),
                ("1.2.0", "runs", "1.1.0 does not win: 1.2.0 is newer under ^1.0"),
                ("1.0.9", "lost", "1.2.0 is newer under ^1.0"),
            ],
            tags);
        Assert.Null(page.QuerySelector("#images .no-updater"));
    }

    [Fact]
    public async Task An_app_without_image_updater_annotations_says_so_and_lists_what_it_runs()
    {
        await dashboard.Store.PutAppAsync(States.Synced("images-none") with { Manifest = """{"metadata":{"name":"images-none"}}""" }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/images-none");

        Assert.Contains("no image updater annotations", page.Find("#images .no-updater").TextContent, StringComparison.Ordinal);
        Assert.Equal("nginx:1.27", page.Find("#images .running-images code").TextContent);
        Assert.Empty(page.QuerySelectorAll("#images .image-standing"));
    }

    [Fact]
    public async Task An_annotation_the_updater_cannot_use_is_named()
    {
        const string app = "images-bad";
        await dashboard.Store.PutAppAsync(States.Synced(app) with { Manifest = Manifest(app, $"web={Web}:^1.0", ("web.update-strategy", "fastest")) }, Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), $"/applications/{app}");

        Assert.Contains("update-strategy", page.Find("#images .image-problem").TextContent, StringComparison.Ordinal);
    }

    private static string Manifest(string app, string imageList, params (string Option, string Value)[] options)
    {
        var annotations = new System.Text.Json.Nodes.JsonObject { ["argocd-image-updater.argoproj.io/image-list"] = imageList };
        foreach (var (option, value) in options)
        {
            annotations[$"argocd-image-updater.argoproj.io/{option}"] = value;
        }

        return new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Application",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = app, ["annotations"] = annotations },
        }.ToJsonString();
    }
}
