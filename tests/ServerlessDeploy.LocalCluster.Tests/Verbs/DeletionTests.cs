using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Waiting;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>Deletion: finalizers and deletionTimestamp, propagation to dependents, preconditions, collections, and namespaces.</summary>
public sealed class DeletionTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    private const string Finalizer = "example.com/hold";

    [Fact]
    public async Task An_object_with_a_finalizer_stays_with_a_deletionTimestamp_until_the_finalizer_is_removed()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreateConfigMapAsync(ns, "held", finalizers: [Finalizer]);

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);

        var terminating = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Equal([Finalizer], terminating.Finalizers());
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Merge("""{"metadata":{"finalizers":null}}"""), "held", ns);
        Assert.False(await ConfigMapExistsAsync(ns, "held"));
    }

    [Fact]
    public async Task A_terminating_object_keeps_its_data_writable_but_its_deletionTimestamp_fixed()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreateConfigMapAsync(ns, "held", finalizers: [Finalizer]);
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var terminating = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);

        var patch = Merge("""{"metadata":{"deletionTimestamp":null},"data":{"state":"draining"}}""");
        var patched = await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "held", ns);

        Assert.Equal("draining", patched.Data["state"]);
        Assert.Equal(terminating.Metadata.DeletionTimestamp, patched.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Background_propagation_deletes_the_dependents()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await CreateConfigMapAsync(ns, "owner");
        await CreateConfigMapAsync(ns, "dependent", owner: owner);

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Background");

        Assert.False(await ConfigMapExistsAsync(ns, "owner"));
        await Eventually.UntilAsync(() => ConfigMapExistsAsync(ns, "dependent"), exists => !exists, "the dependent is collected");
    }

    [Fact]
    public async Task Orphan_propagation_keeps_the_dependents_and_drops_their_owner_reference()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await CreateConfigMapAsync(ns, "owner");
        await CreateConfigMapAsync(ns, "dependent", owner: owner);

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Orphan");

        await Eventually.UntilAsync(() => ConfigMapExistsAsync(ns, "owner"), exists => !exists, "the owner goes once its dependents are orphaned");
        var dependent = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", ns);
        Assert.Empty(dependent.OwnerReferences() ?? []);
        Assert.Null(dependent.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Foreground_propagation_keeps_the_owner_until_its_dependents_are_gone()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await CreateConfigMapAsync(ns, "owner");
        await CreateConfigMapAsync(ns, "dependent", owner: owner, finalizers: [Finalizer]);

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Foreground");

        var dependent = await Eventually.UntilAsync(
            () => cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", ns), d => d.Metadata.DeletionTimestamp is not null, "the dependent is being deleted");
        var waiting = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns);
        Assert.NotNull(waiting.Metadata.DeletionTimestamp);
        Assert.Contains("foregroundDeletion", waiting.Finalizers());
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Merge("""{"metadata":{"finalizers":null}}"""), dependent.Name(), ns);
        await Eventually.UntilAsync(() => ConfigMapExistsAsync(ns, "owner"), exists => !exists, "the owner goes after its dependent");
    }

    [Fact]
    public async Task A_uid_precondition_that_does_not_match_is_a_Conflict_and_deletes_nothing()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreateConfigMapAsync(ns, "guarded");
        var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = Guid.NewGuid().ToString() } };

        await StatusAssert.FailsAsync(() => cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("guarded", ns, options), HttpStatusCode.Conflict, "Conflict");

        Assert.True(await ConfigMapExistsAsync(ns, "guarded"));
    }

    [Fact]
    public async Task Deleting_a_collection_by_label_removes_only_the_matching_objects()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreateConfigMapAsync(ns, "old-1", labels: new() { ["generation"] = "old" });
        await CreateConfigMapAsync(ns, "old-2", labels: new() { ["generation"] = "old" });
        await CreateConfigMapAsync(ns, "new", labels: new() { ["generation"] = "new" });

        await cluster.Client.CoreV1.DeleteCollectionNamespacedConfigMapAsync(ns, labelSelector: "generation=old");

        Assert.Equal(["new"], (await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.Select(c => c.Name()));
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_everything_in_it_then_the_namespace()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreateConfigMapAsync(ns, "settings");
        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new() { Name = "password" }, StringData = new Dictionary<string, string> { ["p"] = "x" } }, ns);
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ManifestModels.Read<V1Deployment>(Manifests.Read("Kinds/deployment.yaml", "web")), ns);

        await cluster.Client.CoreV1.DeleteNamespaceAsync(ns);

        await Eventually.UntilAsync(() => NamespaceExistsAsync(ns), exists => !exists, $"namespace {ns} is gone");
        Assert.Empty((await cluster.Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns}")).Items);
        Assert.Empty((await cluster.Client.CoreV1.ListSecretForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns}")).Items);
        Assert.Empty((await cluster.Client.AppsV1.ListDeploymentForAllNamespacesAsync(fieldSelector: $"metadata.namespace={ns}")).Items);
    }

    [Fact]
    public async Task A_namespace_whose_content_is_held_stays_Terminating_and_refuses_new_content()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await CreateConfigMapAsync(ns, "held", finalizers: [Finalizer]);

        await cluster.Client.CoreV1.DeleteNamespaceAsync(ns);

        await Eventually.UntilAsync(
            () => cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns), c => c.Metadata.DeletionTimestamp is not null, "the held content is being deleted");
        Assert.Equal("Terminating", (await cluster.Client.CoreV1.ReadNamespaceAsync(ns)).Status.Phase);
        await StatusAssert.FailsAsync(() => CreateConfigMapAsync(ns, "late"), HttpStatusCode.Forbidden, "Forbidden");
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Merge("""{"metadata":{"finalizers":null}}"""), "held", ns);
        await Eventually.UntilAsync(() => NamespaceExistsAsync(ns), exists => !exists, $"namespace {ns} is gone once its content is");
    }

    private Task<V1ConfigMap> CreateConfigMapAsync(
        string ns, string name, V1ConfigMap? owner = null, List<string>? finalizers = null, Dictionary<string, string>? labels = null)
    {
        var metadata = new V1ObjectMeta { Name = name, Finalizers = finalizers, Labels = labels };
        if (owner is not null)
        {
            metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Name(), Uid = owner.Uid() }];
        }

        return cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = metadata }, ns);
    }

    private Task<bool> ConfigMapExistsAsync(string ns, string name) => ExistsAsync(() => cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(name, ns));

    private Task<bool> NamespaceExistsAsync(string ns) => ExistsAsync(() => cluster.Client.CoreV1.ReadNamespaceAsync(ns));

    private static async Task<bool> ExistsAsync(Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static V1Patch Merge(string json) => new(json, V1Patch.PatchType.MergePatch);
}
