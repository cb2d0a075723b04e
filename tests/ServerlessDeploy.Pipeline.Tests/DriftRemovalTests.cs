using System.Text.Json.Nodes;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Kubernetes;
using ServerlessDeploy.Testing.Pipelines;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// The deployer's compare-only path (reconcile tick at the deployed commit) sees a field our manager owns that Git does
/// not set as drift: reported with selfHeal off, removed by the self-heal sync with it on.
/// </summary>
public sealed class DriftRemovalTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);
    private readonly PipelineRun _run = new(cluster);

    private ConfigRepo Config => _run.Config;

    [Fact]
    public async Task A_stale_field_our_manager_applied_is_drift_on_the_reconcile_tick_and_self_heal_removes_it()
    {
        Config.AddApp("reported").AddApp("healed");
        Config.Repository.Write("apps/healed.yaml", Config.Repository.Read("apps/healed.yaml").Replace("prune: true", "prune: true\n      selfHeal: true", StringComparison.Ordinal));
        var commit = Config.Commit("two apps");
        await RunAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, commit, DateTimeOffset.UtcNow));
        // As if someone had synced a branch with one more key by hand: applied under our manager, so Git owned it.
        await ApplyStaleKeyAsync("reported");
        await ApplyStaleKeyAsync("healed");

        var steps = await RunAsync(LocalEvents.ReconcileTick(DateTimeOffset.UtcNow));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        var reported = await _run.Local.Store.GetAppAsync(Config.App("reported"), CancellationToken.None);
        Assert.Equal(SyncStatusCode.OutOfSync, reported?.SyncStatus);
        Assert.Contains("drift found", reported!.Message, StringComparison.Ordinal);
        Assert.Equal("1", (await SettingsAsync("reported")).Data["stale"]);
        var healed = await SettingsAsync("healed");
        Assert.False(healed.Data.ContainsKey("stale"), "self-heal left the stale key");
        Assert.Equal("hello", healed.Data["greeting"]);
        Assert.Equal(SyncStatusCode.Synced, (await _run.Local.Store.GetAppAsync(Config.App("healed"), CancellationToken.None))?.SyncStatus);
    }

    [Fact]
    public async Task Self_heal_syncs_from_the_comparison_that_found_the_drift_without_reading_the_cluster_again()
    {
        Config.AddApp("heal-once");
        Config.Repository.Write("apps/heal-once.yaml", Config.Repository.Read("apps/heal-once.yaml").Replace("prune: true", "prune: true\n      selfHeal: true", StringComparison.Ordinal));
        await RunAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, Config.Commit("one app"), DateTimeOffset.UtcNow));
        await ApplyStaleKeyAsync("heal-once");
        var requests = new RequestsSince(cluster.Server);

        var steps = await RunAsync(LocalEvents.ReconcileTick(DateTimeOffset.UtcNow));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        Assert.False((await SettingsAsync("heal-once")).Data.ContainsKey("stale"), "self-heal left the stale key");
        // The tick's compare pass lists once; then the app's own request: the drift check's list and the labelled list
        // of what the app tracks, once each, which its sync reuses.
        Assert.Equal(3, requests.Count("list", "configmaps"));
    }

    [Fact]
    public async Task A_self_heal_that_reapplies_one_resource_records_every_resource_of_the_app_with_its_health()
    {
        Config.AddApp("whole").AddDeployment("whole");
        Config.Repository.Write("apps/whole.yaml", Config.Repository.Read("apps/whole.yaml").Replace("prune: true", "prune: true\n      selfHeal: true", StringComparison.Ordinal));
        await RunAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, Config.Commit("settings and web"), DateTimeOffset.UtcNow));
        await ApplyStaleKeyAsync("whole");

        var steps = await RunAsync(LocalEvents.ReconcileTick(DateTimeOffset.UtcNow));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        var state = await _run.Local.Store.GetAppAsync(Config.App("whole"), CancellationToken.None);
        Assert.Equal(SyncStatusCode.Synced, state?.SyncStatus);
        var resources = (state?.Resources ?? []).ToDictionary(r => $"{r.Kind}/{r.Name}");
        Assert.Equal(["ConfigMap/settings", "Deployment/web"], resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResourceResultCode.Configured, resources["ConfigMap/settings"].Action);
        Assert.Equal((ResourceResultCode.Unchanged, true, HealthCode.Healthy), (resources["Deployment/web"].Action, resources["Deployment/web"].Succeeded, resources["Deployment/web"].Health));
    }

    public void Dispose() => _run.Dispose();

    private async Task ApplyStaleKeyAsync(string shortName)
    {
        var live = JsonNode.Parse(KubernetesJson.Serialize(await SettingsAsync(shortName), TestTypesJson.Options))!.AsObject();
        var metadata = live["metadata"]!.AsObject();
        var configuration = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = "settings",
                ["namespace"] = Config.Namespace(shortName),
                ["labels"] = metadata["labels"]?.DeepClone(),
                ["annotations"] = metadata["annotations"]?.DeepClone(),
            },
            ["data"] = new JsonObject { ["greeting"] = "hello", ["stale"] = "1" },
        };
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(configuration.ToJsonString(), V1Patch.PatchType.ApplyPatch), "settings", Config.Namespace(shortName), fieldManager: "serverless-deploy", force: true);
        Assert.Equal("1", (await SettingsAsync(shortName)).Data["stale"]);
    }

    private async Task<IReadOnlyList<Local.Hosting.PipelineStep>> RunAsync(string body)
    {
        await _run.Local.Pipeline.SubmitAsync(body, CancellationToken.None);
        return await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
    }

    private Task<V1ConfigMap> SettingsAsync(string shortName) =>
        cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Config.Namespace(shortName));
}
