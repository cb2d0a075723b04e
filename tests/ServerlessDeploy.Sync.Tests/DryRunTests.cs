using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>A dry run sends every write as a server-side dry run: it reports what would change and changes nothing.</summary>
public sealed class DryRunTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_dry_run_of_a_new_application_writes_nothing()
    {
        var app = TestApps.Create(TestApps.UniqueName("dry-run"), "tracking");
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(app, new SyncRequest(DryRun: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, requests.Writes);
        Assert.All(result.Resources, r => Assert.Equal(ResourceAction.CreatedDryRun, r.Action));
    }

    [Fact]
    public async Task A_dry_run_of_changes_reports_them_and_changes_nothing()
    {
        var name = TestApps.UniqueName("dry-run-change");
        await _deployer.SyncOkAsync(TestApps.Create(name, "diff/v1"));
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(TestApps.Create(name, "diff/v2"), new SyncRequest(Prune: true, DryRun: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, requests.Writes);
        var actions = result.Resources.ToDictionary(r => r.Key.Name, r => r.Action);
        Assert.Equal(ResourceAction.ConfiguredDryRun, actions["changed"]);
        Assert.Equal(ResourceAction.CreatedDryRun, actions["added"]);
        Assert.Equal(ResourceAction.PrunedDryRun, actions["removed"]);
        Assert.Equal("info", (await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("changed", name)).Data["level"]);
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("removed", name)));
    }
}
