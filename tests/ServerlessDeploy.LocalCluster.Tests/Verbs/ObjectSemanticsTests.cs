using System.Net;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>
/// The metadata and subresource rules every write follows, through KubernetesClient's typed API: generateName,
/// resourceVersion as an optimistic lock, generation on spec changes only, and status kept apart from the rest.
/// </summary>
public sealed class ObjectSemanticsTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private static readonly V1Patch LabelPatch = Merge("""{"metadata":{"labels":{"team":"blue"}}}""");

    [Fact]
    public async Task Create_starts_the_generation_at_1()
    {
        var (ns, created) = await CreateDeploymentAsync();

        Assert.Equal(1, created.Generation());
        Assert.Equal(ns, created.Namespace());
    }

    [Fact]
    public async Task GenerateName_gives_each_object_the_prefix_and_a_random_suffix()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var template = new V1ConfigMap { Metadata = new() { GenerateName = "settings-" } };

        var first = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(template, ns);
        var second = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(template, ns);

        Assert.Matches("^settings-[a-z0-9]{5}$", first.Name());
        Assert.Matches("^settings-[a-z0-9]{5}$", second.Name());
        Assert.NotEqual(first.Name(), second.Name());
        Assert.Equal("settings-", first.Metadata.GenerateName);
    }

    [Fact]
    public async Task Every_write_gives_the_object_a_new_resourceVersion()
    {
        var (ns, created) = await CreateDeploymentAsync();

        var patched = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(LabelPatch, created.Name(), ns);
        patched.Spec.Replicas = 3;
        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(patched, created.Name(), ns);

        Assert.Equal(3, new[] { created.ResourceVersion(), patched.ResourceVersion(), replaced.ResourceVersion() }.Distinct().Count());
        Assert.Equal(created.Uid(), replaced.Uid());
        Assert.Equal(created.Metadata.CreationTimestamp, replaced.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task A_write_that_changes_nothing_keeps_the_resourceVersion()
    {
        var (ns, created) = await CreateDeploymentAsync();

        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(created, created.Name(), ns);

        Assert.Equal(created.ResourceVersion(), replaced.ResourceVersion());
    }

    [Fact]
    public async Task Replace_with_a_stale_resourceVersion_is_a_Conflict()
    {
        var (ns, stale) = await CreateDeploymentAsync();
        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(LabelPatch, stale.Name(), ns);

        stale.Spec.Replicas = 5;
        var status = await StatusAssert.FailsAsync(
            () => cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(stale, stale.Name(), ns), HttpStatusCode.Conflict, "Conflict");

        Assert.Contains("the object has been modified", status.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await ReadAsync(ns, stale.Name())).Spec.Replicas);
    }

    [Fact]
    public async Task Patch_that_names_a_stale_resourceVersion_is_a_Conflict()
    {
        var (ns, stale) = await CreateDeploymentAsync();
        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(LabelPatch, stale.Name(), ns);
        var patch = Merge($$$"""{"metadata":{"resourceVersion":"{{{stale.ResourceVersion()}}}"},"spec":{"replicas":5}}""");

        await StatusAssert.FailsAsync(() => cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(patch, stale.Name(), ns), HttpStatusCode.Conflict, "Conflict");
    }

    [Fact]
    public async Task Replace_without_a_resourceVersion_is_unconditional()
    {
        var (ns, created) = await CreateDeploymentAsync();
        await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(LabelPatch, created.Name(), ns);
        created.Metadata.ResourceVersion = null;
        created.Spec.Replicas = 4;

        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(created, created.Name(), ns);

        Assert.Equal(4, replaced.Spec.Replicas);
    }

    [Fact]
    public async Task Generation_moves_on_spec_changes_only()
    {
        var (ns, created) = await CreateDeploymentAsync();

        var relabelled = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(LabelPatch, created.Name(), ns);
        var scaled = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(Merge("""{"spec":{"replicas":3}}"""), created.Name(), ns);
        var statusOnly = await cluster.Client.AppsV1.PatchNamespacedDeploymentStatusAsync(Merge("""{"status":{"replicas":3}}"""), created.Name(), ns);

        Assert.Equal([1L, 2L, 2L], new[] { relabelled.Generation(), scaled.Generation(), statusOnly.Generation() }.Select(g => g ?? 0));
    }

    [Fact]
    public async Task Create_ignores_the_status_of_a_kind_with_a_status_subresource()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var deployment = ManifestModels.Read<V1Deployment>(Manifests.Read("Objects/deployment-with-status.yaml", "web"));

        var created = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);

        Assert.Null(created.Status?.Replicas);
    }

    [Fact]
    public async Task Writes_to_the_main_resource_leave_the_status_as_it_is()
    {
        var (ns, created) = await CreateDeploymentAsync();
        var withStatus = await cluster.Client.AppsV1.PatchNamespacedDeploymentStatusAsync(Merge("""{"status":{"replicas":2}}"""), created.Name(), ns);

        withStatus.Status.Replicas = 7;
        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(withStatus, created.Name(), ns);
        var patched = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(Merge("""{"status":{"replicas":8}}"""), created.Name(), ns);

        Assert.Equal([2, 2, 2], new[] { replaced.Status.Replicas, patched.Status.Replicas, (await ReadAsync(ns, created.Name())).Status.Replicas });
    }

    [Fact]
    public async Task Merge_patch_of_status_changes_the_status_and_nothing_else()
    {
        var (ns, created) = await CreateDeploymentAsync();
        var patch = Merge("""{"metadata":{"labels":{"team":"red"}},"spec":{"replicas":9},"status":{"replicas":2,"readyReplicas":1}}""");

        var patched = await cluster.Client.AppsV1.PatchNamespacedDeploymentStatusAsync(patch, created.Name(), ns);

        Assert.Equal((2, 1), (patched.Status.Replicas, patched.Status.ReadyReplicas));
        Assert.Equal(2, patched.Spec.Replicas);
        Assert.Null(patched.GetLabel("team"));
        Assert.Equal(created.Generation(), patched.Generation());
        Assert.NotEqual(created.ResourceVersion(), patched.ResourceVersion());
    }

    [Fact]
    public async Task Replace_of_status_changes_the_status_and_nothing_else()
    {
        var (ns, created) = await CreateDeploymentAsync();
        created.Spec.Replicas = 9;
        created.Status = new V1DeploymentStatus { Replicas = 2, ObservedGeneration = 1 };

        var replaced = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(created, created.Name(), ns);

        Assert.Equal((2, 1L), (replaced.Status.Replicas, replaced.Status.ObservedGeneration ?? 0));
        Assert.Equal(2, (await ReadAsync(ns, created.Name())).Spec.Replicas);
    }

    [Fact]
    public async Task Json_patch_of_status_changes_the_status()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var service = await cluster.Client.CoreV1.CreateNamespacedServiceAsync(
            new V1Service { Metadata = new() { Name = "web" }, Spec = new() { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 80 }] } }, ns);
        var patch = new V1Patch("""[{"op":"add","path":"/status/loadBalancer/ingress","value":[{"hostname":"web.elb.amazonaws.com"}]}]""", V1Patch.PatchType.JsonPatch);

        var patched = await cluster.Client.CoreV1.PatchNamespacedServiceStatusAsync(patch, service.Name(), ns);

        Assert.Equal("web.elb.amazonaws.com", Assert.Single(patched.Status.LoadBalancer.Ingress).Hostname);
        Assert.Equal("LoadBalancer", patched.Spec.Type);
    }

    [Fact]
    public async Task Status_of_a_kind_without_one_is_NotFound()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "plain" } }, ns);

        using var response = await cluster.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps/plain/status");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    private async Task<(string Namespace, V1Deployment Created)> CreateDeploymentAsync()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var deployment = ManifestModels.Read<V1Deployment>(Manifests.Read("Kinds/deployment.yaml", "web"));
        return (ns, await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns));
    }

    private Task<V1Deployment> ReadAsync(string ns, string name) => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(name, ns);

    private static V1Patch Merge(string json) => new(json, V1Patch.PatchType.MergePatch);
}
