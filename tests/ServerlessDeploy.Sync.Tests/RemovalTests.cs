using k8s;
using k8s.Models;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// Git is the whole truth, removals included: a field our manager owns in the live object (managedFields) and Git no
/// longer sets is drift, and the sync removes it, for map keys, list-map items by their keys, fields inside items,
/// and atomic lists. What other managers own stays.
/// </summary>
public sealed class RemovalTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Keys_removed_from_data_labels_and_annotations_are_OutOfSync_and_the_sync_removes_them()
    {
        var name = TestApps.UniqueName("removed-keys");
        await _deployer.SyncOkAsync(TestApps.Create(name, "removals-cm/v1"));
        var v2 = TestApps.Create(name, "removals-cm/v2");

        var before = await _deployer.CompareAsync(v2);

        var diff = Assert.Single(before.Diffs);
        Assert.Equal(SyncStatus.OutOfSync, diff.Status);
        Assert.Equal(["data.b", "metadata.annotations.note", "metadata.labels.tier"], diff.ChangedFields.Order(StringComparer.Ordinal));
        Assert.Contains("-  b: \"2\"", diff.Text, StringComparison.Ordinal);
        Assert.Contains("-    tier: web", diff.Text, StringComparison.Ordinal);

        await _deployer.SyncOkAsync(v2);

        var live = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", name);
        Assert.Equal(["a"], live.Data.Keys);
        Assert.False(live.Metadata.Labels.ContainsKey("tier"));
        Assert.False(live.Metadata.Annotations.ContainsKey("note"));
        Assert.Equal("shop", live.Metadata.Labels["team"]);
        Assert.True((await _deployer.CompareAsync(v2)).InSync);
    }

    [Fact]
    public async Task Removed_env_vars_ports_containers_volumes_fields_and_atomic_lists_leave_the_Deployment()
    {
        var name = TestApps.UniqueName("removed-items");
        await _deployer.SyncOkAsync(TestApps.Create(name, "removals/v1"));
        var v2 = TestApps.Create(name, "removals/v2");

        var before = await _deployer.CompareAsync(v2);

        var changed = before.Diffs.Single(d => d.Key.Kind == "Deployment").ChangedFields;
        const string Web = "spec.template.spec.containers[name=web]";
        Assert.Contains($"{Web}.env[name=DEBUG]", changed);
        Assert.Contains($"{Web}.ports[containerPort=9090,protocol=TCP]", changed);
        Assert.Contains($"{Web}.volumeMounts[mountPath=/scratch]", changed);
        Assert.Contains($"{Web}.args", changed);
        Assert.Contains($"{Web}.resources", changed);
        Assert.Contains("spec.template.spec.containers[name=sidecar]", changed);
        Assert.Contains("spec.template.spec.volumes[name=scratch]", changed);

        await _deployer.SyncOkAsync(v2);

        var spec = (await fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", name)).Spec.Template.Spec;
        var web = Assert.Single(spec.Containers);
        Assert.Equal(["MODE"], web.Env.Select(e => e.Name));
        Assert.Equal([8080], web.Ports.Select(p => p.ContainerPort));
        Assert.Equal(["/cache"], web.VolumeMounts.Select(m => m.MountPath));
        Assert.Null(web.Args);
        Assert.Null(web.Resources?.Limits);
        Assert.Equal(["cache"], spec.Volumes.Select(v => v.Name));
        Assert.True((await _deployer.CompareAsync(v2)).InSync);
    }

    [Fact]
    public async Task Fields_another_manager_set_that_Git_never_had_are_not_ours_to_remove()
    {
        var name = TestApps.UniqueName("others-fields");
        var app = TestApps.Create(name, "removals-cm/v1");
        await _deployer.SyncOkAsync(app);
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata": {"labels": {"edited": "by-hand"}}, "data": {"extra": "x"}}""", V1Patch.PatchType.MergePatch), "settings", name, fieldManager: "kubectl-edit");

        Assert.True((await _deployer.CompareAsync(app)).InSync);
        await _deployer.SyncOkAsync(app, new Core.Engine.SyncRequest(HealthTimeout: Deployer.HealthTimeout, ApplyAll: true));

        var live = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", name);
        Assert.Equal("by-hand", live.Metadata.Labels["edited"]);
        Assert.Equal("x", live.Data["extra"]);
    }

    [Fact]
    public async Task An_object_our_manager_owns_nothing_in_is_Synced_but_applied_once_so_later_removals_are_seen()
    {
        var name = TestApps.UniqueName("no-entry");
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        var app = TestApps.Create(name, "removals-cm/v1");
        var comparison = await _deployer.CompareAsync(app);
        var manifest = comparison.Desired.Single().Json;
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(manifest.ToJsonString(), V1Patch.PatchType.ApplyPatch), "settings", name, fieldManager: "someone-else", force: true);

        var adopted = Assert.Single((await _deployer.CompareAsync(app)).Diffs);
        Assert.Equal(SyncStatus.Synced, adopted.Status);
        Assert.True(adopted.Reapply);

        var sync = await _deployer.SyncOkAsync(app);
        Assert.Contains(sync.Resources, r => r.Key.Name == "settings" && r.Action == ResourceAction.Configured);
        var owned = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", name);
        Assert.Contains(owned.Metadata.ManagedFields, e => e.Manager == "serverless-deploy" && e.Operation == "Apply");
        Assert.False(Assert.Single((await _deployer.CompareAsync(app)).Diffs).Reapply);
    }
}
