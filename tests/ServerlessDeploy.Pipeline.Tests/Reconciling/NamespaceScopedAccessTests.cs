using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Pipeline.Tests.Reconciling;

/// <summary>
/// A cluster with <c>clusterRead: false</c>, end to end through the local pipeline: a push syncs each app and a
/// reconcile tick compares them, every read within the apps' namespaces, none refused by namespace-scoped access.
/// </summary>
public sealed class NamespaceScopedAccessTests(ClusterFixture cluster, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);
    private readonly ConfigRepo _config = ConfigRepo.Create();
    private readonly string _state = Directory.CreateTempSubdirectory("sdeploy-scoped-state-").FullName;

    [Fact]
    public async Task A_push_syncs_and_a_tick_compares_with_every_read_in_the_apps_namespaces()
    {
        _config.AddApp("north").AddApp("south");
        string[] namespaces = [_config.Namespace("north"), _config.Namespace("south")];
        foreach (var ns in namespaces)
        {
            // Namespace-scoped access cannot create a namespace: it is there before the deployer is.
            await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        }

        var clusters = new NamespaceScopedConnector(new KubeconfigClusters(cluster.KubeconfigPath), namespaces);
        using var local = LocalDeployer.Create(new Config.PipelineSettings(_config.Url) { HealthTimeout = TimeSpan.FromSeconds(30) }, clusters, _state, PipelineRun.Channels(new RecordingNotifier()));

        await RunAsync(local, LocalEvents.CodeCommitPush(_config.Name, "main", null, _config.Commit("two apps"), DateTimeOffset.UtcNow));
        var patch = """{"data":{"greeting":"changed by hand"}}""";
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), "settings", _config.Namespace("south"), fieldManager: "kubectl-edit");
        var tick = await RunAsync(local, LocalEvents.ReconcileTick(DateTimeOffset.UtcNow.AddMinutes(1)));

        Assert.Contains(tick, s => s.Message.StartsWith("compare pass", StringComparison.Ordinal) && s.Message.Contains("2 apps, 2 recorded", StringComparison.Ordinal));
        Assert.Equal(SyncStatusCode.Synced, (await local.Store.GetAppAsync(_config.App("north"), CancellationToken.None))?.SyncStatus);
        Assert.Equal(SyncStatusCode.OutOfSync, (await local.Store.GetAppAsync(_config.App("south"), CancellationToken.None))?.SyncStatus);
        var scoped = clusters.Scoped;
        Assert.NotNull(scoped);
        Assert.Empty(scoped.Refused);
        Assert.All(scoped.Requests.Where(r => r.Verb == "list"), r => Assert.Contains(r.Namespace, namespaces));
    }

    public void Dispose()
    {
        _config.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private async Task<IReadOnlyList<PipelineStep>> RunAsync(LocalDeployer local, string body)
    {
        await local.Pipeline.SubmitAsync(body, CancellationToken.None);
        var steps = await local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
        foreach (var step in steps)
        {
            output.WriteLine($"{step.Stage} {step.Done}: {step.Message}");
        }

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        return steps;
    }
}
