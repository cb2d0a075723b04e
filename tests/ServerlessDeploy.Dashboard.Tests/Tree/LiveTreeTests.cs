using k8s;
using k8s.Models;
using ServerlessDeploy.Cli.Commands.Ui;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Dashboard.Tests.Tree;

/// <summary>The tree and the resource page read through `sdeploy ui`'s live port from the local API server, as any cluster is reached: a kubeconfig.</summary>
public sealed class LiveTreeTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly DashboardFactory _dashboard = new();

    public void Dispose() => _dashboard.Dispose();

    private HttpClient Client()
    {
        var live = new ClusterLiveResources(new DestinationClients(new KubeconfigClusters(cluster.KubeconfigPath)));
        return Applications.Client(_dashboard, live, new FakeCluster([], []));
    }

    private static V1OwnerReference Owner(IKubernetesObject<V1ObjectMeta> owner) =>
        new() { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true };

    private static V1PodTemplateSpec Template(string app) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
    };

    [Fact]
    public async Task A_deployment_its_replica_set_and_its_pod_are_drawn_by_owner_references()
    {
        var ns = await cluster.CreateNamespaceAsync("tree");
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } };
        var deployment = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment { ApiVersion = "apps/v1", Kind = "Deployment", Metadata = new V1ObjectMeta { Name = "web" }, Spec = new V1DeploymentSpec { Selector = selector, Template = Template("web") } }, ns);
        deployment.ApiVersion ??= "apps/v1";
        deployment.Kind ??= "Deployment";
        var replicaSet = await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(
            new V1ReplicaSet { ApiVersion = "apps/v1", Kind = "ReplicaSet", Metadata = new V1ObjectMeta { Name = "web-owned", OwnerReferences = [Owner(deployment)] }, Spec = new V1ReplicaSetSpec { Selector = selector, Template = Template("web") } }, ns);
        replicaSet.ApiVersion ??= "apps/v1";
        replicaSet.Kind ??= "ReplicaSet";
        await cluster.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = "web-owned-pod", OwnerReferences = [Owner(replicaSet)] }, Spec = Template("web").Spec }, ns);
        await _dashboard.Store.PutAppAsync(Applications.Deployed("live-tree", ns, Applications.Resource("apps", "Deployment", ns, "web")), CancellationToken.None);
        using var client = Client();

        var page = await Pages.GetAsync(client, "/applications/live-tree/tree");

        Assert.Null(page.QuerySelector(".live-problem"));
        Assert.NotNull(page.QuerySelector(".tree-item[data-kind=Deployment][data-name=web][data-depth='1']"));
        Assert.NotNull(page.QuerySelector(".tree-item[data-kind=ReplicaSet][data-name=web-owned][data-depth='2']"));
        Assert.NotNull(page.QuerySelector(".tree-item[data-kind=Pod][data-name=web-owned-pod][data-depth='3']"));
        Assert.NotNull(page.QuerySelector("svg.tree-diagram a.tree-node[data-name=web-owned-pod]"));
    }

    [Fact]
    public async Task The_resource_page_shows_the_live_manifest_without_managed_fields()
    {
        var ns = await cluster.CreateNamespaceAsync("page");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["color"] = "green" } }, ns, fieldManager: "kubectl");
        var raw = await cluster.Http.GetStringAsync(new Uri($"/api/v1/namespaces/{ns}/configmaps/settings", UriKind.Relative));
        Assert.Contains("managedFields", raw, StringComparison.Ordinal);
        await _dashboard.Store.PutAppAsync(Applications.Deployed("live-page", ns, Applications.Resource("", "ConfigMap", ns, "settings")), CancellationToken.None);
        using var client = Client();

        var page = await Pages.GetAsync(client, $"/applications/live-page/resource?group=&kind=ConfigMap&namespace={ns}&name=settings");

        var live = page.QuerySelector("pre.live-manifest")!.TextContent;
        Assert.Contains("color: green", live, StringComparison.Ordinal);
        Assert.Contains("uid:", live, StringComparison.Ordinal);
        Assert.DoesNotContain("managedFields", page.Body!.InnerHtml, StringComparison.Ordinal);
    }
}
