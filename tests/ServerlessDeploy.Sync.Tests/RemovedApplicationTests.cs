using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Waiting;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>An Application gone from Git: its tracked resources are listed, and deleted only when its finalizer asks for it.</summary>
public sealed class RemovedApplicationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task The_tracked_resources_of_a_removed_app_are_listed_and_deleted_in_prune_order_except_Prune_false()
    {
        var name = TestApps.UniqueName("removed");
        var app = TestApps.Create(name, "prune/v1");
        await _deployer.SyncOkAsync(app);
        var removal = new RemovedApplication(fixture.Cluster(), TimeProvider.System);

        var (tracked, _) = await removal.TrackedAsync(app, CancellationToken.None);
        Assert.Contains(tracked, k => k.Kind == "ConfigMap" && k.Name == "gone");

        var result = await removal.DeleteResourcesAsync(app, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.All(tracked.Where(k => k.Name != "never-pruned"), key => Assert.Contains(result.Resources, r => r.Key == key && r.Action == ResourceAction.Pruned));
        Assert.Contains(result.Resources, r => r.Key.Name == "never-pruned" && r.Action == ResourceAction.PruneSkipped);
        await Eventually.GoneAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("gone", name));
        Assert.Equal(["never-pruned"], (await removal.TrackedAsync(app, CancellationToken.None)).Tracked.Select(k => k.Name));
    }

    [Theory]
    [InlineData("resources-finalizer.argocd.argoproj.io", true)]
    [InlineData("resources-finalizer.argocd.argoproj.io/background", true)]
    [InlineData("example.com/other", false)]
    public void Only_Argo_CDs_resources_finalizer_deletes_the_resources(string finalizer, bool deletes)
    {
        var app = TestApps.Create(TestApps.UniqueName("finalizer"), "prune/v1") with { Finalizers = [finalizer] };

        Assert.Equal(deletes, RemovedApplication.DeletesResources(app));
    }
}
