using System.Net;
using k8s;
using Microsoft.Playwright;
using ServerlessDeploy.Cli.Commands.Ui;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Cli.Tests.Dashboard;

/// <summary>
/// The dashboard as a person uses it, in Debian's chromium: `sdeploy ui`'s server over a local pipeline's state and the
/// local API server, an app deployed by a push first.
/// </summary>
public sealed class DashboardBrowserTests : IClassFixture<ClusterFixture>, IClassFixture<Chromium>, IDisposable
{
    private readonly PipelineRun _run;
    private readonly Chromium _chromium;
    private readonly ClusterFixture _cluster;

    public DashboardBrowserTests(ClusterFixture cluster, Chromium chromium)
    {
        _cluster = cluster;
        _run = new PipelineRun(cluster);
        _chromium = chromium;
    }

    [Fact]
    public async Task The_list_leads_to_the_app_page_with_its_status_from_the_state()
    {
        var app = _run.Config.App("web");
        _run.Config.AddApp("web", greeting: "hello from the browser test");
        var first = _run.Config.Commit("add web");
        await PushAsync(null, first);
        await using var server = await DashboardServer.StartAsync(new DashboardServerOptions(_run.StateFolder, IPAddress.Loopback, 0) { Kubeconfig = _cluster.KubeconfigPath }, CancellationToken.None);
        var page = await _chromium.NewPageAsync();

        await page.GotoAsync(new Uri(server.Url, "/applications").ToString());
        var row = page.Locator($"tr[data-app='{app}']");
        await Assertions.Expect(row).ToContainTextAsync("Synced");
        await Assertions.Expect(row).ToContainTextAsync("Healthy");
        await Assertions.Expect(row.Locator(".commit-message")).ToHaveTextAsync("add web");
        await Chromium.ScreenshotAsync(page, "applications");

        await row.GetByRole(AriaRole.Link, new() { Name = app }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.Url, $"/applications/{app}").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(app);
        await Assertions.Expect(page.Locator(".status-panel")).ToContainTextAsync("Healthy");
        await Assertions.Expect(page.Locator(".status-panel")).ToContainTextAsync("Succeeded");
        // The resource tree, read live, is drawn inside the app page once it has loaded.
        await Assertions.Expect(page.Locator("#tree svg.tree-diagram")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#tree .tree-item[data-name='settings']")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "application");
    }

    [Fact]
    public async Task The_list_follows_a_sync_without_being_reloaded()
    {
        var app = _run.Config.App("live");
        _run.Config.AddApp("live", greeting: "first");
        var first = _run.Config.Commit("live: first greeting");
        await PushAsync(null, first);
        await using var server = await DashboardServer.StartAsync(new DashboardServerOptions(_run.StateFolder, IPAddress.Loopback, 0), CancellationToken.None);
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(new Uri(server.Url, $"/applications?q={app}").ToString());
        var row = page.Locator($"tr[data-app='{app}']");
        await Assertions.Expect(row.Locator(".commit-message")).ToHaveTextAsync("live: first greeting");
        // A mark a reload would wipe: the row must change under it.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        _run.Config.WriteSettings("live", "second");
        var second = _run.Config.Commit("live: second greeting");
        await PushAsync(first, second);

        await Assertions.Expect(row.Locator(".commit-message")).ToHaveTextAsync("live: second greeting", new() { Timeout = 120_000 });
        await Assertions.Expect(row.Locator(".revision .sha")).ToHaveTextAsync(second[..7]);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the list was reloaded");
        await Chromium.ScreenshotAsync(page, "list-live");
    }

    [Fact]
    public async Task List_app_diff_sync_and_the_operation_finishing_then_a_rollback()
    {
        var app = _run.Config.App("shop");
        _run.Config.AddApp("shop", greeting: "one");
        var first = _run.Config.Commit("shop: greeting one");
        await PushAsync(null, first);
        var manifest = $"apps/shop.yaml";
        _run.Config.Repository.Write(manifest, _run.Config.Repository.Read(manifest).Replace("    automated:\n      prune: true\n", "", StringComparison.Ordinal));
        _run.Config.WriteSettings("shop", "two");
        var second = _run.Config.Commit("shop: greeting two, synced by hand");
        await PushAsync(first, second);
        await _cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new k8s.Models.V1Patch("{\"data\":{\"greeting\":\"edited by hand\"}}", k8s.Models.V1Patch.PatchType.MergePatch), "settings", _run.Config.Namespace("shop"));
        var options = new DashboardServerOptions(_run.StateFolder, IPAddress.Loopback, 0) { Kubeconfig = _cluster.KubeconfigPath, Environment = name => name == "USER" ? "dashboard-e2e" : null };
        await using var server = await DashboardServer.StartAsync(options, CancellationToken.None);
        var page = await _chromium.NewPageAsync();

        await page.GotoAsync(new Uri(server.Url, $"/applications?q={app}").ToString());
        await Assertions.Expect(page.Locator($"tr[data-app='{app}']")).ToContainTextAsync("OutOfSync");
        await page.GetByRole(AriaRole.Link, new() { Name = app, Exact = true }).ClickAsync();
        await page.Locator("a.diff-link").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 of 1 resources differ");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("edited by hand");
        await Chromium.ScreenshotAsync(page, "diff");

        await page.GotoAsync(new Uri(server.Url, $"/applications/{app}").ToString());
        await page.Locator("details.sync-dialog > summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Synchronize" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.Url, $"/applications/{app}").ToString());
        var panel = page.Locator(".status-panel");
        await Assertions.Expect(panel.Locator(".revision .sha")).ToHaveTextAsync(second[..7], new() { Timeout = 120_000 });
        await Assertions.Expect(panel).ToContainTextAsync("Succeeded");
        Assert.Equal("two", await GreetingAsync("shop"));
        await Chromium.ScreenshotAsync(page, "synced");

        await page.ReloadAsync();
        var firstEntry = page.Locator("tr.history-entry", new() { HasText = first[..7] });
        await firstEntry.GetByRole(AriaRole.Button, new() { Name = "Rollback" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-panel .revision .sha")).ToHaveTextAsync(first[..7], new() { Timeout = 120_000 });
        Assert.Equal("one", await GreetingAsync("shop"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tr.history-entry").First).ToContainTextAsync("dashboard-e2e");
        await Chromium.ScreenshotAsync(page, "rolled-back");
    }

    private async Task<string> GreetingAsync(string shortName) =>
        (await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", _run.Config.Namespace(shortName))).Data["greeting"];

    private async Task PushAsync(string? before, string after)
    {
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(_run.Config.Name, "main", before, after, DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.All(steps, s => Assert.True(s.Done, s.ToString()));
    }

    public void Dispose() => _run.Dispose();
}
