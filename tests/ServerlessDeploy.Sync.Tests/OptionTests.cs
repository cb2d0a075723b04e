using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Each Argo CD sync and compare option this product accepts, carried out against the local API server.</summary>
public sealed class OptionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Validate_false_writes_with_fieldValidation_Ignore_so_an_undeclared_field_is_dropped_not_refused()
    {
        var strict = await _deployer.SyncAsync(TestApps.Create(TestApps.UniqueName("validate-strict"), "options/validate-strict"));
        Assert.False(strict.Succeeded);
        Assert.Contains("unknown field \"colour\"", strict.Message, StringComparison.Ordinal);

        var app = TestApps.Create(TestApps.UniqueName("validate-off"), "options/validate-off");
        await _deployer.SyncOkAsync(app);

        var live = Live.Json(await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", app.Name));
        Assert.Equal("blue", live["data"]!["color"]!.GetValue<string>());
        Assert.False(live.ContainsKey("colour"), live.ToJsonString());
        var comparison = await _deployer.CompareAsync(app);
        Assert.True(comparison.InSync, string.Join("\n", comparison.Diffs.Select(d => d.Text)));
    }

    [Fact]
    public async Task Force_true_with_Replace_true_deletes_and_creates_a_Job_whose_immutable_template_changed()
    {
        var replaceOnly = TestApps.UniqueName("replace-only");
        await _deployer.SyncOkAsync(TestApps.Create(replaceOnly, "options/replace-only/v1"));
        var refused = await _deployer.SyncAsync(TestApps.Create(replaceOnly, "options/replace-only/v2"));
        Assert.False(refused.Succeeded);
        Assert.Contains("spec.template: Invalid value", refused.Message, StringComparison.Ordinal);
        Assert.Contains("field is immutable", refused.Message, StringComparison.Ordinal);

        var name = TestApps.UniqueName("force");
        await _deployer.SyncOkAsync(TestApps.Create(name, "options/force/v1"));
        var before = await fixture.Client.BatchV1.ReadNamespacedJobAsync("migrate", name);

        var result = await _deployer.SyncOkAsync(TestApps.Create(name, "options/force/v2"));

        var after = await fixture.Client.BatchV1.ReadNamespacedJobAsync("migrate", name);
        Assert.NotEqual(before.Metadata.Uid, after.Metadata.Uid);
        Assert.Equal("busybox:1.37", after.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(ResourceAction.Recreated, Assert.Single(result.Resources, r => r.Key.Name == "migrate").Action);
    }

    [Fact]
    public async Task RespectIgnoreDifferences_keeps_the_replicas_an_autoscaler_set_when_the_image_changes()
    {
        var ignoreReplicas = JsonNode.Parse("""[{"group": "apps", "kind": "Deployment", "jsonPointers": ["/spec/replicas"]}]""");
        var reset = await ChangeImageAfterScalingAsync("ignore-only", spec => spec["ignoreDifferences"] = ignoreReplicas!.DeepClone());
        Assert.Equal(2, reset.Spec.Replicas);

        var kept = await ChangeImageAfterScalingAsync("respect", spec =>
        {
            spec["ignoreDifferences"] = ignoreReplicas!.DeepClone();
            TestApps.SyncOptions("RespectIgnoreDifferences=true")(spec);
        });

        Assert.Equal(4, kept.Spec.Replicas);
        Assert.Equal("nginx:1.28", kept.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task IgnoreExtraneous_on_a_resource_Git_no_longer_has_leaves_the_application_Synced()
    {
        var name = TestApps.UniqueName("extraneous");
        await _deployer.SyncOkAsync(TestApps.Create(name, "options/extraneous/v1"));

        var onlyIgnored = await _deployer.CompareAsync(TestApps.Create(name, "options/extraneous/v2"));
        var alsoPlain = await _deployer.CompareAsync(TestApps.Create(name, "options/extraneous/v3"));

        Assert.Equal(SyncStatus.Extraneous, onlyIgnored.Diffs.Single(d => d.Key.Name == "generated-1").Status);
        Assert.True(onlyIgnored.InSync);
        Assert.False(alsoPlain.InSync);
        Assert.Equal(["plain"], alsoPlain.OutOfSync.Select(d => d.Key.Name));
    }

    [Fact]
    public async Task SkipDryRunOnMissingResource_lets_the_sync_run_until_the_custom_resource_whose_CRD_comes_later()
    {
        var app = TestApps.Create(TestApps.UniqueName("missing-kind"), "options/missing-kind");

        var early = await _deployer.SyncAsync(app);

        Assert.False(early.Succeeded);
        Assert.Contains("the cluster serves no kind CronTab in missing-kind.example.com/v1", early.Message, StringComparison.Ordinal);
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", app.Name)));
        await fixture.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(
            ManifestModels.Read<V1CustomResourceDefinition>(await File.ReadAllTextAsync(Path.Combine(TestApps.Repository, "options", "missing-kind-crd.yaml"))));

        await _deployer.SyncOkAsync(app);

        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CustomObjects.GetNamespacedCustomObjectAsync("missing-kind.example.com", "v1", app.Name, "crontabs", "nightly")));
    }

    [Fact]
    public async Task A_custom_resource_whose_CRD_is_in_the_same_sync_is_left_out_of_a_dry_run_and_created_by_the_sync()
    {
        var app = TestApps.Create(TestApps.UniqueName("crd-in-render"), "options/crd-in-render");
        var requests = new RequestsSince(fixture.Server);

        var dryRun = await _deployer.SyncAsync(app, new SyncRequest(DryRun: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.True(dryRun.Succeeded, dryRun.Message);
        Assert.Equal(0, requests.Writes);
        Assert.Equal(ResourceAction.SkippedDryRun, Assert.Single(dryRun.Resources, r => r.Key.Kind == "CronTab").Action);
        await _deployer.SyncOkAsync(app);
        Assert.NotNull(await Live.FindAsync(() => fixture.Client.CustomObjects.GetNamespacedCustomObjectAsync("in-render.example.com", "v1", app.Name, "crontabs", "nightly")));
    }

    [Fact]
    public async Task A_wildcard_group_and_kind_in_ignoreDifferences_match_every_resource()
    {
        var app = TestApps.Create(TestApps.UniqueName("wildcard"), "options/wildcard", spec => spec["ignoreDifferences"] = JsonNode.Parse(
            """[{"group": "*", "kind": "*", "jsonPointers": ["/data/color"]}]"""));
        await _deployer.SyncOkAsync(app);
        await fixture.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data": {"color": "red"}}""", V1Patch.PatchType.MergePatch), "settings", app.Name, fieldManager: "kubectl-edit");

        var comparison = await _deployer.CompareAsync(app);

        Assert.True(comparison.InSync, string.Join("\n", comparison.Diffs.Select(d => d.Text)));
    }

    [Fact]
    public async Task FailOnSharedResource_true_fails_the_sync_naming_the_application_that_tracks_the_resource()
    {
        var owner = TestApps.Create(TestApps.UniqueName("owner"), "options/shared");
        await _deployer.SyncOkAsync(owner);
        var other = TestApps.Create(TestApps.UniqueName("sharer"), "options/shared", spec =>
        {
            spec["destination"]!["namespace"] = owner.Name;
            TestApps.SyncOptions("FailOnSharedResource=true")(spec);
        });
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(other);

        Assert.False(result.Succeeded);
        Assert.Contains($"/ConfigMap:{owner.Name}/settings belongs to application '{owner.Name}', not '{other.Name}'", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
    }

    /// <summary>Syncs web (replicas 2), lets an autoscaler set 4, syncs a new image, and returns the live Deployment.</summary>
    private async Task<V1Deployment> ChangeImageAfterScalingAsync(string prefix, Action<JsonObject> spec)
    {
        var name = TestApps.UniqueName(prefix);
        await _deployer.SyncOkAsync(TestApps.Create(name, "options/respect/v1", spec));
        await fixture.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec": {"replicas": 4}}""", V1Patch.PatchType.MergePatch), "web", name, fieldManager: "hpa");
        await _deployer.SyncOkAsync(TestApps.Create(name, "options/respect/v2", spec));
        return await fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", name);
    }
}
