using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using k8s;
using k8s.Autorest;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// A manual sync's choices (the dashboard's sync dialog) through the intake request, the router and the deployer into
/// the engine, against the local API server: each does what Argo CD's does.
/// </summary>
public sealed class SyncChoicesTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);
    private readonly PipelineRun _run = new(cluster);

    private ConfigRepo Config => _run.Config;

    [Fact]
    public async Task Without_prune_a_resource_git_no_longer_has_is_kept_and_with_prune_it_is_deleted()
    {
        ManualApp("p").AddDeployment("p");
        await PushAsync(Config.Commit("settings and web"));
        await SyncAsync("p", SyncChoices.None);
        Config.Repository.Write("workloads/p/deployment.yaml", Config.Repository.Read("workloads/p/deployment.yaml").Replace("name: web", "name: web2", StringComparison.Ordinal));
        Config.Commit("web renamed web2");

        await SyncAsync("p", SyncChoices.None);
        var kept = await DeploymentExistsAsync("p", "web");
        await SyncAsync("p", new SyncChoices(Prune: true));

        Assert.True(kept, "a sync without prune deleted web");
        Assert.False(await DeploymentExistsAsync("p", "web"));
        Assert.True(await DeploymentExistsAsync("p", "web2"));
    }

    [Fact]
    public async Task A_dry_run_changes_nothing_in_the_cluster_or_the_history()
    {
        ManualApp("d");
        var first = Config.Commit("hello");
        await PushAsync(first);
        await SyncAsync("d", SyncChoices.None);
        Config.WriteSettings("d", "changed");
        Config.Commit("changed greeting");

        await SyncAsync("d", new SyncChoices(DryRun: true));

        Assert.Equal("hello", await GreetingAsync("d"));
        var state = await _run.Local.Store.GetAppAsync(Config.App("d"), CancellationToken.None);
        Assert.Equal(first, state?.Revision);
        Assert.Single(await _run.Local.Store.HistoryAsync(Config.App("d"), CancellationToken.None));
    }

    [Fact]
    public async Task A_dry_run_records_its_own_result_and_leaves_the_apps_operation_as_the_last_real_one_left_it()
    {
        ManualApp("r");
        await PushAsync(Config.Commit("hello"));
        await SyncAsync("r", SyncChoices.None);
        var before = await _run.Local.Store.GetAppAsync(Config.App("r"), CancellationToken.None);
        Config.WriteSettings("r", "changed");
        var second = Config.Commit("changed greeting");

        await SyncAsync("r", new SyncChoices(DryRun: true));

        var after = await _run.Local.Store.GetAppAsync(Config.App("r"), CancellationToken.None);
        Assert.Equal(
            (before?.Phase, before?.Message, before?.StartedAt, before?.FinishedAt, before?.Revision, before?.SyncStatus),
            (after?.Phase, after?.Message, after?.StartedAt, after?.FinishedAt, after?.Revision, after?.SyncStatus));
        Assert.Equal(OperationPhase.Succeeded, after?.Phase);
        Assert.Equal((second, true, "alice"), (after?.LastDryRun?.Revision, after?.LastDryRun?.Succeeded, after?.LastDryRun?.Initiator));
        Assert.StartsWith($"dry run at {second[..7]}", after?.LastDryRun?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_with_automated_sync_off_is_compared_at_the_new_commit_while_the_app_runs_the_old_one()
    {
        ManualApp("c");
        var first = Config.Commit("hello");
        await PushAsync(first);
        await SyncAsync("c", SyncChoices.None);
        var synced = await _run.Local.Store.GetAppAsync(Config.App("c"), CancellationToken.None);
        Config.WriteSettings("c", "changed");
        var second = Config.Commit("changed greeting");

        await PushAsync(second);

        var compared = await _run.Local.Store.GetAppAsync(Config.App("c"), CancellationToken.None);
        Assert.Equal((first, first, SyncStatusCode.Synced), (synced?.Revision, synced?.ComparedRevision, synced?.SyncStatus));
        Assert.Equal((first, second, SyncStatusCode.OutOfSync), (compared?.Revision, compared?.ComparedRevision, compared?.SyncStatus));
        Assert.Equal("hello", await GreetingAsync("c"));
    }

    [Fact]
    public async Task A_selective_sync_applies_only_the_selected_resources()
    {
        ManualApp("s");
        await PushAsync(Config.Commit("hello"));
        await SyncAsync("s", SyncChoices.None);
        Config.WriteSettings("s", "selected").AddDeployment("s");
        Config.Commit("new greeting and a Deployment");

        await SyncAsync("s", new SyncChoices(Resources: [$"/ConfigMap/{Config.Namespace("s")}/settings"]));

        Assert.Equal("selected", await GreetingAsync("s"));
        Assert.False(await DeploymentExistsAsync("s", "web"));
    }

    [Fact]
    public async Task An_unknown_sync_option_fails_the_sync_naming_it_and_changes_nothing()
    {
        ManualApp("u");
        await PushAsync(Config.Commit("hello"));
        await SyncAsync("u", SyncChoices.None);
        Config.WriteSettings("u", "changed");
        Config.Commit("changed greeting");

        await SyncAsync("u", new SyncChoices(SyncOptions: ["Frobnicate=true"]));

        Assert.Equal("hello", await GreetingAsync("u"));
        var state = await _run.Local.Store.GetAppAsync(Config.App("u"), CancellationToken.None);
        Assert.Contains("Frobnicate=true", state?.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _run.Dispose();

    /// <summary>An app with automated sync off, so only the manual syncs here change the cluster.</summary>
    private ConfigRepo ManualApp(string shortName)
    {
        Config.AddApp(shortName);
        var file = $"apps/{shortName}.yaml";
        Config.Repository.Write(file, Config.Repository.Read(file).Replace("    automated:\n      prune: true\n", "", StringComparison.Ordinal));
        return Config;
    }

    private async Task PushAsync(string commit)
    {
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, commit, DateTimeOffset.UtcNow), CancellationToken.None);
        await RunAsync();
    }

    private async Task SyncAsync(string shortName, SyncChoices choices)
    {
        var request = new SyncRequested(Config.App(shortName), null, "alice") { Choices = choices };
        await _run.Local.Pipeline.SubmitAsync(ServerlessDeployRequestBody.For(request), CancellationToken.None);
        await RunAsync();
    }

    private async Task RunAsync()
    {
        var steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
    }

    private async Task<string> GreetingAsync(string shortName) =>
        (await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Config.Namespace(shortName))).Data["greeting"];

    private async Task<bool> DeploymentExistsAsync(string shortName, string name)
    {
        try
        {
            await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(name, Config.Namespace(shortName));
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
