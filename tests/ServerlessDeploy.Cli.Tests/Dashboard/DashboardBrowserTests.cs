using System.Net;
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

    public DashboardBrowserTests(ClusterFixture cluster, Chromium chromium)
    {
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
        await using var server = await DashboardServer.StartAsync(new DashboardServerOptions(_run.StateFolder, IPAddress.Loopback, 0), CancellationToken.None);
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
        await Chromium.ScreenshotAsync(page, "application");
    }

    private async Task PushAsync(string? before, string after)
    {
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(_run.Config.Name, "main", before, after, DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.All(steps, s => Assert.True(s.Done, s.ToString()));
    }

    public void Dispose() => _run.Dispose();
}
