using k8s.Models;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Server-side apply as field manager serverless-deploy, forcing conflicts; Replace=true uses create and update.</summary>
public sealed class ApplyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Server_side_apply_takes_over_a_field_another_manager_set()
    {
        var app = TestApps.Create(TestApps.UniqueName("take-over"), "apply/server-side");
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = app.Name } });
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "data": {"color": "red"}}""", V1Patch.PatchType.ApplyPatch),
            "settings", app.Name, fieldManager: "other-tool");

        await _deployer.SyncOkAsync(app);

        var live = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", app.Name);
        Assert.Equal("blue", live.Data["color"]);
        var ours = Assert.Single(live.Metadata.ManagedFields, m => m.Manager == "serverless-deploy");
        Assert.Equal("Apply", ours.Operation);
        Assert.Contains("\"f:color\"", Live.Json(ours)["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(live.Metadata.ManagedFields, m => m.Manager == "other-tool" && Live.Json(m)["fieldsV1"]!.ToJsonString().Contains("\"f:color\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replace_true_creates_and_then_updates_instead_of_applying()
    {
        var app = TestApps.Create(TestApps.UniqueName("replace"), "apply/replace");
        var firstSync = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app);

        Assert.Equal(1, firstSync.Count("create", "configmaps"));
        Assert.Equal(0, firstSync.Count("apply", "configmaps"));
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data": {"color": "green"}}""", V1Patch.PatchType.MergePatch), "replaced", app.Name, fieldManager: "kubectl-edit");
        var secondSync = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app);

        Assert.Equal(1, secondSync.Count("update", "configmaps"));
        Assert.Equal(0, secondSync.Count("apply", "configmaps"));
        var live = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("replaced", app.Name);
        Assert.Equal("blue", live.Data["color"]);
        Assert.Equal("Update", Assert.Single(live.Metadata.ManagedFields, m => m.Manager == "serverless-deploy").Operation);
    }
}
