using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Fleet;
using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Sync.Tests.Fleet;

/// <summary>
/// One read of the cluster for a compare pass: each listable kind once (the tracking label, all namespaces, in pages),
/// the namespaces once; then each app's lists and namespace reads answered from it without a request.
/// </summary>
public sealed class ClusterSnapshotTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly ClusterResourceType ConfigMaps = new("", "v1", "ConfigMap", "configmaps", true);
    private static readonly ClusterResourceType Namespaces = new("", "v1", "Namespace", "namespaces", false);

    [Fact]
    public async Task A_list_is_read_in_pages_of_500_and_comes_back_whole()
    {
        var ns = await NamespaceAsync("paged");
        await Parallel.ForEachAsync(Enumerable.Range(0, 1050), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"cm-{i:D4}" } }, ns, cancellationToken: token));
        var requests = new RequestsSince(fixture.Server);

        var list = await fixture.Cluster().ListAsync(ConfigMaps, ns, null, CancellationToken.None);

        Assert.True(list.Succeeded, list.ToString());
        var names = (list.Body?["items"] as JsonArray ?? []).Select(i => i?["metadata"]?["name"]?.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 1050).Select(i => $"cm-{i:D4}"), names);
        Assert.Null(list.Body?["metadata"]?["continue"]);
        Assert.Equal(3, requests.Count("list", "configmaps"));
    }

    [Fact]
    public async Task The_snapshot_lists_each_kind_once_and_answers_each_app_s_lists_and_namespace_reads_without_a_request()
    {
        var ns = await NamespaceAsync("snapshot");
        await TrackedConfigMapAsync(ns, "of-a", "app-a");
        await TrackedConfigMapAsync(ns, "of-b", "app-b");
        await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "untracked" } }, ns);
        var requests = new RequestsSince(fixture.Server);

        var (snapshot, unreadable) = await ClusterSnapshot.ReadAsync(fixture.Cluster(), ReadScope.ClusterWide, CancellationToken.None);

        Assert.Null(unreadable);
        Assert.NotNull(snapshot);
        var kinds = snapshot.Types.Types.Count;
        Assert.Equal(1, requests.Count("list", "configmaps"));
        Assert.Equal(1, requests.Count("list", "namespaces"));
        Assert.Equal(kinds, requests.Count("list"));
        var afterRead = new RequestsSince(fixture.Server);
        var view = new SnapshotCluster(fixture.Cluster(), snapshot, "app-a");

        Assert.Equal(["of-a"], Names(await view.ListAsync(ConfigMaps, ns, null, CancellationToken.None)));
        Assert.Equal(["of-b"], Names(await view.ListAsync(ConfigMaps, null, "serverless-deploy/app=app-b", CancellationToken.None)));
        Assert.True((await view.GetAsync(Namespaces, "", ns, CancellationToken.None)).Succeeded);
        Assert.True((await view.GetAsync(Namespaces, "", "no-such-namespace", CancellationToken.None)).NotFound);
        Assert.Equal(snapshot.Types, await view.ListableTypesAsync(CancellationToken.None));
        Assert.Equal(0, afterRead.Count("list") + afterRead.Count("get"));
    }

    [Fact]
    public async Task Each_app_gets_its_own_copy_so_a_change_to_one_answer_is_not_seen_by_the_next()
    {
        var ns = await NamespaceAsync("copies");
        await TrackedConfigMapAsync(ns, "shared", "app-c");
        var (snapshot, _) = await ClusterSnapshot.ReadAsync(fixture.Cluster(), ReadScope.ClusterWide, CancellationToken.None);
        Assert.NotNull(snapshot);
        var view = new SnapshotCluster(fixture.Cluster(), snapshot, "app-c");

        var first = await view.ListAsync(ConfigMaps, ns, null, CancellationToken.None);
        ((first.Body?["items"] as JsonArray)?[0]?["metadata"] as JsonObject)?.Add("changed", true);
        var second = await view.ListAsync(ConfigMaps, ns, null, CancellationToken.None);

        Assert.Null((second.Body?["items"] as JsonArray)?[0]?["metadata"]?["changed"]);
    }

    [Fact]
    public async Task With_namespace_scoped_access_each_namespaced_kind_is_listed_per_namespace_its_namespaces_read_once_and_nothing_cluster_scoped()
    {
        var first = await NamespaceAsync("scoped-1");
        var second = await NamespaceAsync("scoped-2");
        await TrackedConfigMapAsync(first, "in-first", "app-d");
        var requests = new RequestsSince(fixture.Server);

        var (snapshot, unreadable) = await ClusterSnapshot.ReadAsync(fixture.Cluster(), ReadScope.Within([first, second]), CancellationToken.None);

        Assert.Null(unreadable);
        Assert.NotNull(snapshot);
        Assert.Equal(2, requests.Count("list", "configmaps"));
        // Nothing cluster-scoped is listed (Namespace among them); each namespace of the scope is read once.
        Assert.Equal(0, requests.Count("list", "namespaces"));
        Assert.Equal(0, requests.Count("list", "clusterroles"));
        Assert.Equal(2, requests.Count("get", "namespaces"));
        var view = new SnapshotCluster(fixture.Cluster(), snapshot, "app-d");
        var beforeAnswers = new RequestsSince(fixture.Server);
        Assert.Equal(["in-first"], Names(await view.ListAsync(ConfigMaps, first, null, CancellationToken.None)));
        Assert.Empty(Names(await view.ListAsync(new ClusterResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false), null, "serverless-deploy/app=app-d", CancellationToken.None)));
        Assert.True((await view.GetAsync(Namespaces, "", first, CancellationToken.None)).Succeeded);
        Assert.Equal(0, beforeAnswers.Count("get") + beforeAnswers.Count("list"));
        Assert.True((await view.GetAsync(Namespaces, "", "kube-system", CancellationToken.None)).Succeeded);
        Assert.Equal(1, beforeAnswers.Count("get", "namespaces"));
    }

    [Fact]
    public async Task A_kind_that_cannot_be_listed_makes_the_whole_snapshot_unreadable_naming_it()
    {
        fixture.Server.Faults.Set([FaultRule.Parse("kind=500,verb=list,resource=configmaps")]);
        try
        {
            var (snapshot, unreadable) = await ClusterSnapshot.ReadAsync(fixture.Cluster(), ReadScope.ClusterWide, CancellationToken.None);

            Assert.Null(snapshot);
            Assert.StartsWith("listing configmaps failed: 500", unreadable, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Server.Faults.Set([]);
        }
    }

    private static List<string?> Names(ClusterResponse response) =>
        (response.Body?["items"] as JsonArray ?? []).Select(i => i?["metadata"]?["name"]?.GetValue<string>()).ToList();

    private async Task<string> NamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..30];
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    private Task<V1ConfigMap> TrackedConfigMapAsync(string ns, string name, string app) =>
        fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["serverless-deploy/app"] = app } } }, ns);
}
