using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// Adopting objects another tool applied, as Argo CD 3.3's client-side apply migration does: the fields kubectl's
/// client-side apply, Argo CD's manager or a bare last-applied-configuration own are taken over by the sync, so a
/// field later removed from Git leaves the cluster too.
/// </summary>
public sealed class MigrationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Fields_of_kubectls_client_side_apply_are_taken_over_and_removed_when_Git_drops_them()
    {
        var name = await NamespaceAsync("from-kubectl");
        var apply = await fixture.Kubectl.RunAsync("-n", name, "apply", "-f", Path.Combine(TestApps.Repository, "removals-cm", "v1", "settings.yaml"));
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains((await ReadAsync(name)).Metadata.ManagedFields, e => e.Manager == "kubectl-client-side-apply");
        var v2 = TestApps.Create(name, "removals-cm/v2");

        var diff = Assert.Single((await _deployer.CompareAsync(v2)).Diffs);
        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.Equal(["data.b", "metadata.annotations.note", "metadata.labels.tier"], diff.RemovedFields.Order(StringComparer.Ordinal));
        Assert.True(diff.Reapply);

        await _deployer.SyncOkAsync(v2);

        var live = await ReadAsync(name);
        Assert.Equal(["a"], live.Data.Keys);
        Assert.False(live.Metadata.Labels.ContainsKey("tier"));
        Assert.Equal(["owner", "serverless-deploy/tracking-id"], live.Metadata.Annotations.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(live.Metadata.ManagedFields, e => e.Manager == "kubectl-client-side-apply");
        Assert.True((await _deployer.CompareAsync(v2)).InSync);
    }

    [Fact]
    public async Task What_the_API_server_filled_in_when_kubectl_created_the_object_is_not_taken_for_Git()
    {
        var name = await NamespaceAsync("kubectl-defaults");
        var apply = await fixture.Kubectl.RunAsync("-n", name, "apply", "-f", Path.Combine(TestApps.Repository, "adopt"));
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var created = await fixture.Client.CoreV1.ReadNamespacedServiceAsync("web", name);
        var app = TestApps.Create(name, "adopt");

        var diff = Assert.Single((await _deployer.CompareAsync(app)).Diffs);

        // kubectl's create entry owns what the server filled in too (type, sessionAffinity, the clusterIP it
        // allocated); only the fields kubectl's last-applied configuration names are Git's.
        Assert.Empty(diff.RemovedFields);
        Assert.True(diff.Reapply);
        await _deployer.SyncOkAsync(app);
        var live = await fixture.Client.CoreV1.ReadNamespacedServiceAsync("web", name);
        Assert.Equal(("ClusterIP", created.Spec.ClusterIP), (live.Spec.Type, live.Spec.ClusterIP));
        Assert.DoesNotContain(live.Metadata.ManagedFields, e => e.Manager == "kubectl-client-side-apply");
        Assert.False(live.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
        Assert.True((await _deployer.CompareAsync(app)).InSync);
    }

    [Fact]
    public async Task Fields_Argo_CD_applied_are_taken_over_and_removed_when_Git_drops_them()
    {
        var name = await NamespaceAsync("from-argocd");
        var manifest = ManifestModels.Read<V1ConfigMap>(File.ReadAllText(Path.Combine(TestApps.Repository, "removals-cm", "v1", "settings.yaml")));
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(KubernetesJson.Serialize(manifest), V1Patch.PatchType.ApplyPatch), "settings", name, fieldManager: "argocd-controller", force: true);

        await _deployer.SyncOkAsync(TestApps.Create(name, "removals-cm/v2"));

        var live = await ReadAsync(name);
        Assert.Equal(["a"], live.Data.Keys);
        Assert.False(live.Metadata.Annotations.ContainsKey("note"));
        Assert.DoesNotContain(live.Metadata.ManagedFields, e => e.Manager == "argocd-controller");
    }

    [Fact]
    public async Task A_last_applied_configuration_with_no_manager_owning_it_is_taken_over()
    {
        var name = await NamespaceAsync("last-applied");
        var apply = await fixture.Kubectl.RunAsync("-n", name, "apply", "-f", Path.Combine(TestApps.Repository, "removals-cm", "v1", "settings.yaml"));
        Assert.True(apply.ExitCode == 0, apply.ToString());
        // As on an object made before managedFields existed: kubectl's record is all that says what was applied.
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""[{"op": "replace", "path": "/metadata/managedFields", "value": [{}]}]""", V1Patch.PatchType.JsonPatch), "settings", name);
        Assert.Null((await ReadAsync(name)).Metadata.ManagedFields);
        var v2 = TestApps.Create(name, "removals-cm/v2");

        var diff = Assert.Single((await _deployer.CompareAsync(v2)).Diffs);
        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.Contains("data.b", diff.ChangedFields);

        await _deployer.SyncOkAsync(v2);

        var live = await ReadAsync(name);
        Assert.Equal(["a"], live.Data.Keys);
        Assert.False(live.Metadata.Labels.ContainsKey("tier"));
        Assert.False(live.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
    }

    [Fact]
    public async Task A_takeover_refused_because_the_object_changed_since_it_was_read_applies_nothing()
    {
        var name = await NamespaceAsync("moved-on");
        var manifest = ManifestModels.Read<V1ConfigMap>(File.ReadAllText(Path.Combine(TestApps.Repository, "removals-cm", "v1", "settings.yaml")));
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(KubernetesJson.Serialize(manifest), V1Patch.PatchType.ApplyPatch), "settings", name, fieldManager: "argocd-controller", force: true);
        var live = JsonNode.Parse(KubernetesJson.Serialize(await ReadAsync(name), TestTypesJson.Options))!.AsObject();
        live["apiVersion"] = "v1";
        live["kind"] = "ConfigMap";
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data": {"c": "3"}}""", V1Patch.PatchType.MergePatch), "settings", name, fieldManager: "kubectl-edit");

        var cluster = fixture.Cluster();
        var type = Assert.IsType<Core.Cluster.ClusterResourceType>((await cluster.FindTypeAsync("v1", "ConfigMap", CancellationToken.None)).Type);
        var refused = await Core.Engine.OwnershipTakeover.RunAsync(cluster, type, live, Core.Diff.Ownership.LiveOwnership.Of(live), TimeProvider.System, CancellationToken.None);

        Assert.NotNull(refused);
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains((await ReadAsync(name)).Metadata.ManagedFields, e => e.Manager == "argocd-controller");
    }

    private async Task<string> NamespaceAsync(string prefix)
    {
        var name = TestApps.UniqueName(prefix);
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    private Task<V1ConfigMap> ReadAsync(string ns) => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", ns);
}
