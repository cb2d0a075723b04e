using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Diff against the live cluster: each status, live edits named by field, ignoreDifferences, Secret values masked.</summary>
public sealed class DiffTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Each_resource_is_Synced_OutOfSync_Missing_or_Extraneous()
    {
        var name = TestApps.UniqueName("statuses");
        await _deployer.SyncOkAsync(TestApps.Create(name, "diff/v1"));

        var comparison = await _deployer.CompareAsync(TestApps.Create(name, "diff/v2"));

        var statuses = comparison.Diffs.ToDictionary(d => d.Key.Name, d => d.Status);
        Assert.Equal(SyncStatus.Synced, statuses["same"]);
        Assert.Equal(SyncStatus.OutOfSync, statuses["changed"]);
        Assert.Equal(SyncStatus.Missing, statuses["added"]);
        Assert.Equal(SyncStatus.Extraneous, statuses["removed"]);
        Assert.Equal(["data.level"], comparison.Diffs.Single(d => d.Key.Name == "changed").ChangedFields);
    }

    [Fact]
    public async Task A_live_edit_of_replicas_and_image_is_OutOfSync_naming_the_fields()
    {
        var app = TestApps.Create(TestApps.UniqueName("live-edit"), "diff/workload");
        await _deployer.SyncOkAsync(app);
        await fixture.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec": {"replicas": 5}}""", V1Patch.PatchType.MergePatch), "web", app.Name, fieldManager: "kubectl-edit");
        await fixture.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "nginx:1.28"}]""", V1Patch.PatchType.JsonPatch),
            "web", app.Name, fieldManager: "kubectl-edit");

        var comparison = await _deployer.CompareAsync(app);

        var diff = Assert.Single(comparison.Diffs);
        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.Equal(["spec.replicas", "spec.template.spec.containers[0].image"], diff.ChangedFields);
        Assert.Contains("-  replicas: 5", diff.Text, StringComparison.Ordinal);
        Assert.Contains("+  replicas: 2", diff.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IgnoreDifferences_leaves_the_named_field_out()
    {
        var app = TestApps.Create(TestApps.UniqueName("ignored"), "diff/workload", spec => spec["ignoreDifferences"] = JsonNode.Parse(
            """[{"group": "apps", "kind": "Deployment", "jsonPointers": ["/spec/replicas"]}]"""));
        await _deployer.SyncOkAsync(app);
        await fixture.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec": {"replicas": 4}}""", V1Patch.PatchType.MergePatch), "web", app.Name, fieldManager: "hpa");

        var comparison = await _deployer.CompareAsync(app);

        Assert.True(comparison.InSync, string.Join("\n", comparison.Diffs.Select(d => d.Text)));
        Assert.Equal(4, (await fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", app.Name)).Spec.Replicas);
    }

    [Fact]
    public async Task Secret_values_are_masked_in_the_diff()
    {
        var app = TestApps.Create(TestApps.UniqueName("masked"), "diff/secret");
        await _deployer.SyncOkAsync(app);
        await fixture.Client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("""{"data": {"PASSWORD": "c3dvcmRmaXNo"}}""", V1Patch.PatchType.MergePatch), "creds", app.Name, fieldManager: "kubectl-edit");

        var comparison = await _deployer.CompareAsync(app);

        var diff = Assert.Single(comparison.Diffs);
        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.Equal(["data.PASSWORD"], diff.ChangedFields);
        Assert.Contains("PASSWORD: ++++++++", diff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("aHVudGVyMg==", diff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("c3dvcmRmaXNo", diff.Text, StringComparison.Ordinal);
    }
}
