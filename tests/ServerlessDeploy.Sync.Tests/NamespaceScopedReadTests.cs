using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Waiting;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// A cluster the deployer may read only in namespaces (<c>clusterRead: false</c>): one app's sync lists each kind in its
/// own namespaces, never across all, and a cluster-scoped resource in its render is refused by name with nothing written,
/// as Argo CD refuses one in namespaced mode. The local API server does not enforce RBAC, so a
/// <see cref="NamespaceScopedCluster"/> in front of it answers 403 to whatever namespace-scoped access could not do.
/// </summary>
public sealed class NamespaceScopedReadTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_sync_reads_only_its_namespace_and_prunes_what_Git_no_longer_has_there()
    {
        var name = await NamespaceAsync("nsread");
        var scoped = new NamespaceScopedCluster(fixture.Cluster(), [name]);
        await SyncOkAsync(scoped, TestApps.Create(name, "prune/v1"), new SyncRequest(HealthTimeout: Deployer.HealthTimeout));

        var result = await SyncOkAsync(scoped, TestApps.Create(name, "prune/v2"), new SyncRequest(Prune: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.Empty(scoped.Refused);
        Assert.All(scoped.Requests.Where(r => r.Verb == "list"), r => Assert.Equal(name, r.Namespace));
        Assert.Contains(result.Resources, r => r.Key.Name == "gone" && r.Action == ResourceAction.Pruned);
        await Eventually.GoneAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("gone", name));
        var comparison = await Engine(scoped, ReadScope.Within([])).CompareAsync(TestApps.Create(name, "prune/v2"), TestApps.Repository, [], CancellationToken.None);
        Assert.Empty(comparison.Errors);
        // Prune=false kept it, and the namespace's list still finds it: extraneous, as Argo CD shows it.
        Assert.Equal(["never-pruned"], comparison.OutOfSync.Select(d => d.Key.Name));
    }

    [Fact]
    public async Task Read_as_cluster_wide_the_same_access_refuses_the_sync_so_the_scope_is_what_makes_it_work()
    {
        var name = await NamespaceAsync("nsread-wide");
        var scoped = new NamespaceScopedCluster(fixture.Cluster(), [name]);

        var result = await Engine(scoped, ReadScope.ClusterWide).SyncAsync(
            TestApps.Create(name, "prune/v1"), AppProject.Default, TestApps.Repository, Deployer.Revision, new SyncRequest(HealthTimeout: Deployer.HealthTimeout), [], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("403 Forbidden", result.Message, StringComparison.Ordinal);
        Assert.Contains(scoped.Refused, r => r.Verb == "list" && r.Namespace is null);
    }

    [Fact]
    public async Task A_cluster_scoped_resource_in_the_render_is_refused_by_name_and_nothing_is_written()
    {
        var name = await NamespaceAsync("nsread-cluster");
        var scoped = new NamespaceScopedCluster(fixture.Cluster(), [name]);
        var requests = new RequestsSince(fixture.Server);

        var result = await Engine(scoped, ReadScope.Within([])).SyncAsync(
            TestApps.Create(name, "project/cluster-role"), AppProject.Default, TestApps.Repository, Deployer.Revision, new SyncRequest(HealthTimeout: Deployer.HealthTimeout), [], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("rbac.authorization.k8s.io/ClusterRole:/reader: cluster level ClusterRole \"reader\" cannot be managed with namespace-scoped access to the cluster", result.Message, StringComparison.Ordinal);
        Assert.EndsWith("(nothing was changed)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
        Assert.Empty(scoped.Refused);
    }

    [Fact]
    public async Task A_removed_app_s_resources_are_found_in_the_namespaces_it_had_them_in()
    {
        var name = await NamespaceAsync("nsread-removed");
        var elsewhere = await NamespaceAsync("nsread-other");
        var scoped = new NamespaceScopedCluster(fixture.Cluster(), [name, elsewhere]);
        await SyncOkAsync(scoped, TestApps.Create(name, "prune/v1"), new SyncRequest(HealthTimeout: Deployer.HealthTimeout));
        // The Application as last recorded may name another destination: where it had resources is read as well.
        var app = TestApps.Create(name, "prune/v1", spec =>
        {
            if (spec["destination"] is JsonObject destination)
            {
                destination["namespace"] = elsewhere;
            }
        });

        var (tracked, unreadable) = await new RemovedApplication(scoped, TimeProvider.System, scope: ReadScope.Within([name])).TrackedAsync(app, CancellationToken.None);

        Assert.Null(unreadable);
        Assert.Equal(["gone", "keep", "never-pruned"], tracked.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.Empty(scoped.Refused);
    }

    private static SyncEngine Engine(IClusterClient cluster, ReadScope scope) =>
        new(cluster, new ManifestRenderer(ToolPaths.FromProcess(), new ProcessRunner()), TimeProvider.System, scope: scope);

    private static async Task<SyncResult> SyncOkAsync(IClusterClient cluster, Application app, SyncRequest request)
    {
        var result = await Engine(cluster, ReadScope.Within([])).SyncAsync(app, AppProject.Default, TestApps.Repository, Deployer.Revision, request, [], CancellationToken.None);
        Assert.True(result.Succeeded, $"sync of {app.Name} failed: {result.Message}");
        return result;
    }

    /// <summary>Namespace-scoped access cannot create its namespace (CreateNamespace=true finds it there): made here first.</summary>
    private async Task<string> NamespaceAsync(string prefix)
    {
        var name = TestApps.UniqueName(prefix);
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}
