using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Waiting;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Prune: only when asked; Prune=false respected; PruneLast; nothing deleted after a failed or empty render.</summary>
public sealed class PruneTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Without_prune_a_resource_Git_no_longer_has_is_left_and_reported()
    {
        var name = TestApps.UniqueName("no-prune");
        await _deployer.SyncOkAsync(TestApps.Create(name, "prune/v1"));

        var result = await _deployer.SyncOkAsync(TestApps.Create(name, "prune/v2"), new SyncRequest(Prune: false, HealthTimeout: Deployer.HealthTimeout));

        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("gone", name)));
        Assert.Contains(result.Resources, r => r.Key.Name == "gone" && r.Action == ResourceAction.RequiresPruning);
    }

    [Fact]
    public async Task With_prune_a_resource_Git_no_longer_has_is_deleted_unless_it_says_Prune_false()
    {
        var name = TestApps.UniqueName("prune");
        await _deployer.SyncOkAsync(TestApps.Create(name, "prune/v1"));

        var result = await _deployer.SyncOkAsync(TestApps.Create(name, "prune/v2"), new SyncRequest(Prune: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.Contains(result.Resources, r => r.Key.Name == "gone" && r.Action == ResourceAction.Pruned);
        await Eventually.GoneAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("gone", name));
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("never-pruned", name)));
        Assert.Contains(result.Resources, r => r.Key.Name == "never-pruned" && r.Message == "ignored (no prune)");
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("keep", name)));
    }

    [Fact]
    public async Task PruneLast_deletes_after_every_wave_is_applied()
    {
        var name = TestApps.UniqueName("prune-last");
        await _deployer.SyncOkAsync(TestApps.Create(name, "prune-last/v1", TestApps.SyncOptions("PruneLast=true")));
        var from = await History.NowAsync(fixture.Client);

        await _deployer.SyncOkAsync(TestApps.Create(name, "prune-last/v2", TestApps.SyncOptions("PruneLast=true")), new SyncRequest(Prune: true, HealthTimeout: Deployer.HealthTimeout));

        var history = await History.SinceAsync(fixture.Client, name, from);
        Assert.True(history.Created("ConfigMap", "later") < history.DeletionStarted("ConfigMap", "old"), "PruneLast deleted before the last wave was applied");
    }

    [Theory]
    [InlineData("bad/broken-yaml", "render failed")]
    [InlineData("empty", "the render produced no resources and allowEmpty is off")]
    public async Task A_failed_or_empty_render_deletes_nothing(string path, string message)
    {
        var name = TestApps.UniqueName("keep-all");
        await _deployer.SyncOkAsync(TestApps.Create(name, "prune/v1"));
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(TestApps.Create(name, path), new SyncRequest(Prune: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
        Assert.Equal(3, (await fixture.Client.CoreV1.ListNamespacedConfigMapAsync(name, labelSelector: $"serverless-deploy/app={name}")).Items.Count);
    }
}
