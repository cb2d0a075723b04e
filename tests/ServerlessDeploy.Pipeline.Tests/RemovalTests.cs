using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using k8s;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// An Application removed from the config repository, found by the reconcile tick: its resources are deleted only when it
/// carried Argo CD's resources finalizer; otherwise they stay and the app is reported as orphaned.
/// </summary>
public sealed class RemovalTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);
    private readonly PipelineRun _run = new(cluster);

    private ConfigRepo Config => _run.Config;

    [Fact]
    public async Task A_removed_app_loses_its_resources_only_with_the_resources_finalizer()
    {
        Config.AddApp("finalized").AddApp("orphan");
        var appFile = "apps/finalized.yaml";
        Config.Repository.Write(appFile, Config.Repository.Read(appFile).Replace(
            $"name: {Config.App("finalized")}", $"name: {Config.App("finalized")}\n  finalizers:\n    - resources-finalizer.argocd.argoproj.io", StringComparison.Ordinal));
        var first = Config.Commit("two apps");
        await RunAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, first, DateTimeOffset.UtcNow));
        Assert.NotNull(await SettingsAsync("finalized"));

        File.Delete(Path.Combine(Config.Repository.WorkPath, "apps/finalized.yaml"));
        File.Delete(Path.Combine(Config.Repository.WorkPath, "apps/orphan.yaml"));
        Config.Commit("remove both apps");
        var steps = await RunAsync(LocalEvents.ReconcileTick(DateTimeOffset.UtcNow));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        await GoneAsync("finalized");
        Assert.NotNull(await SettingsAsync("orphan"));
        var finalized = await _run.Local.Store.GetAppAsync(Config.App("finalized"), CancellationToken.None);
        var orphan = await _run.Local.Store.GetAppAsync(Config.App("orphan"), CancellationToken.None);
        Assert.Equal(SyncStatusCode.Removed, finalized?.SyncStatus);
        Assert.Equal(SyncStatusCode.Orphaned, orphan?.SyncStatus);
        Assert.Contains("ConfigMap", orphan!.Message, StringComparison.Ordinal);
        Assert.Contains(_run.Notifier.Notifications, n => n.App == Config.App("finalized") && n.Kind == NotificationKind.SyncSucceeded && n.Message.Contains("deleted", StringComparison.Ordinal));

        var again = await RunAsync(LocalEvents.ReconcileTick(DateTimeOffset.UtcNow.AddMinutes(3)));
        Assert.DoesNotContain(again, s => s.Stage == "deployer");
    }

    public void Dispose() => _run.Dispose();

    private async Task<IReadOnlyList<Local.Hosting.PipelineStep>> RunAsync(string body)
    {
        await _run.Local.Pipeline.SubmitAsync(body, CancellationToken.None);
        return await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
    }

    /// <summary>A foreground deletion finishes on the server's own time: wait for it, bounded.</summary>
    private async Task GoneAsync(string shortName)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (await SettingsAsync(shortName) is not null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"settings of {shortName} still there after 10 s");
            await Task.Delay(100);
        }
    }

    private async Task<k8s.Models.V1ConfigMap?> SettingsAsync(string shortName)
    {
        try
        {
            return await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Config.Namespace(shortName));
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
