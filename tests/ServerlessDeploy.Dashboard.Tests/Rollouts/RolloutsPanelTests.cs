using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Rollouts;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Dashboard.Tests.Rollouts;

public sealed class RolloutsPanelTests(DashboardFactory dashboard, ClusterFixture cluster) : IClassFixture<DashboardFactory>, IClassFixture<ClusterFixture>
{
    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task A_paused_canary_shows_its_steps_with_the_current_one_weights_replica_sets_and_action_forms()
    {
        var ns = await DeployedCanaryAsync("nginx:1.27", "nginx:1.28");
        const string app = "rollouts-web";
        await dashboard.Store.PutAppAsync(WithRollout(app, ns), Token);
        using var client = dashboard.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IRolloutReads>(new ClusterRolloutReads(cluster.KubeconfigPath)))).CreateClient();

        var page = await Pages.GetAsync(client, $"/applications/{app}");

        var rollout = page.Find($"#rollouts .rollout[data-rollout=\"{ns}/web\"]");
        Assert.Equal("Paused", rollout.Find(".phase").TextContent);
        Assert.Equal("25", rollout.Find(".set-weight").TextContent);
        var steps = rollout.QuerySelectorAll(".rollout-steps li").Select(step => step.TextContent).ToList();
        Assert.Equal(4, steps.Count);
        Assert.Equal("pause: {} ← current", rollout.Find(".rollout-steps li.current").TextContent);
        Assert.Equal("setWeight: 25", steps[0]);
        var roles = rollout.QuerySelectorAll("tr.replica-set").Select(row => (row.Find(".role").TextContent, row.Find(".desired").TextContent)).ToList();
        Assert.Contains(("canary", "1"), roles);
        Assert.Contains(roles, role => role.Item1 == "stable" && role.Item2 != "0");
        var actions = rollout.QuerySelectorAll("form.rollout-action").ToList();
        Assert.Equal(
            [$"/applications/{app}/rollouts/{ns}/web/promote", $"/applications/{app}/rollouts/{ns}/web/abort", $"/applications/{app}/rollouts/{ns}/web/retry"],
            actions.Select(form => form.GetAttribute("action")));
        Assert.All(actions, form => Assert.False(string.IsNullOrEmpty(form.Find("input[name=__RequestVerificationToken]").GetAttribute("value"))));
    }

    [Fact]
    public async Task A_cluster_that_cannot_be_reached_is_named_in_the_panel()
    {
        await dashboard.Store.PutAppAsync(WithRollout("rollouts-unreachable", "shop"), Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/rollouts-unreachable");

        Assert.Contains("no access to the app's cluster", page.Find("#rollouts .rollout-unread").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#rollouts form"));
    }

    [Fact]
    public async Task An_app_without_Rollouts_has_no_panel()
    {
        await dashboard.Store.PutAppAsync(States.Synced("rollouts-none"), Token);

        var page = await Pages.GetAsync(dashboard.CreateClient(), "/applications/rollouts-none");

        Assert.Null(page.QuerySelector("#rollouts"));
    }

    private static AppState WithRollout(string app, string ns) => States.Synced(app) with
    {
        Resources = [new ResourceState("argoproj.io", "Rollout", ns, "web", SyncPhaseCode.Sync, 0, ResourceResultCode.Configured, true, "rollout.argoproj.io/web configured", HealthCode.Suspended)],
    };

    /// <summary>The canary deployed with <paramref name="first"/>, then updated to <paramref name="next"/> and driven to its first pause.</summary>
    private async Task<string> DeployedCanaryAsync(string first, string next)
    {
        var bench = await RolloutBench.StartAsync(cluster);
        foreach (var image in new[] { first, next })
        {
            await bench.ApplyRolloutAsync(image);
            await bench.DriveAsync();
        }

        return bench.Namespace;
    }
}
