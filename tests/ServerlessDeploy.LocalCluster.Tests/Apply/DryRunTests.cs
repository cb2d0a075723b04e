using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Apply;

/// <summary>dryRun=All on every write: the answer is the object as it would be, and nothing changes.</summary>
public sealed class DryRunTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private const string DryRun = "All";
    private TestCluster _cluster = null!;
    private V1ConfigMap _before = null!;
    private string _revisionBefore = "";

    private k8s.Kubernetes Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
        _before = await Client.CoreV1.CreateNamespacedConfigMapAsync(Settings("old"), Ns);
        _revisionBefore = (await Client.CoreV1.ListNamespacedConfigMapAsync(Ns)).Metadata.ResourceVersion;
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Dry_run_create_answers_the_new_object_but_stores_nothing()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(Settings("new", name: "other"), Ns, dryRun: DryRun);

        Assert.Equal("other", created.Metadata.Name);
        Assert.Equal("new", created.Data["mode"]);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Dry_run_update_answers_the_replaced_object_but_keeps_the_stored_one()
    {
        var replacement = Settings("new");
        replacement.Metadata.ResourceVersion = _before.Metadata.ResourceVersion;

        var updated = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(replacement, "settings", Ns, dryRun: DryRun);

        Assert.Equal("new", updated.Data["mode"]);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Dry_run_patch_answers_the_patched_object_but_keeps_the_stored_one()
    {
        var patch = new V1Patch("""{"data":{"mode":"new"}}""", V1Patch.PatchType.MergePatch);

        var patched = await Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "settings", Ns, dryRun: DryRun);

        Assert.Equal("new", patched.Data["mode"]);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Dry_run_apply_answers_the_applied_object_but_keeps_the_stored_one()
    {
        var patch = new V1Patch(KubernetesJson.Serialize(Settings("new")), V1Patch.PatchType.ApplyPatch);

        var applied = await Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "settings", Ns, fieldManager: "deployer", force: true, dryRun: DryRun);

        Assert.Equal("new", applied.Data["mode"]);
        Assert.Contains("deployer", FieldsV1.Managers(applied.Metadata));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Dry_run_apply_of_a_missing_object_answers_it_but_creates_nothing()
    {
        var patch = new V1Patch(KubernetesJson.Serialize(Settings("new", name: "other")), V1Patch.PatchType.ApplyPatch);

        var applied = await Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "other", Ns, fieldManager: "deployer", dryRun: DryRun);

        Assert.Equal("new", applied.Data["mode"]);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Dry_run_delete_answers_success_but_keeps_the_object()
    {
        var status = await Client.CoreV1.DeleteNamespacedConfigMapAsync("settings", Ns, dryRun: DryRun);

        Assert.Equal("Success", status.Status);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Dry_run_delete_collection_lists_the_objects_it_would_delete_but_keeps_them()
    {
        using var response = await _cluster.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{Ns}/configmaps?dryRun=All");

        var list = await TestCluster.ReadJsonAsync(response);
        Assert.Equal(["settings"], list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
        await AssertNothingChangedAsync();
    }

    /// <summary>The stored object is as it was (same resourceVersion, same data), nothing was added, and no write happened at all.</summary>
    private async Task AssertNothingChangedAsync()
    {
        var after = await Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Ns);
        Assert.Equal(_before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal("old", after.Data["mode"]);
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(Ns);
        Assert.Equal(["settings"], list.Items.Select(i => i.Metadata.Name));
        Assert.Equal(_revisionBefore, list.Metadata.ResourceVersion);
    }

    private static V1ConfigMap Settings(string mode, string name = "settings") => new()
    {
        ApiVersion = V1ConfigMap.KubeApiVersion,
        Kind = V1ConfigMap.KubeKind,
        Metadata = new V1ObjectMeta { Name = name },
        Data = new Dictionary<string, string> { ["mode"] = mode },
    };
}
