using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Repositories;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Queues;
using k8s;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>The deployer against the local API server: what gets deployed, recorded and notified, and what is refused.</summary>
public sealed class DeployingTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);
    private readonly PipelineRun _run = new(cluster);

    private ConfigRepo Config => _run.Config;

    private Local.State.SqliteStateStore Store => _run.Local.Store;

    [Fact]
    public async Task The_first_push_deploys_the_app_and_records_and_notifies_it()
    {
        Config.AddApp("a");
        var first = Config.Commit("one app");

        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, first, DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        Assert.Contains(steps, s => s.Stage == "deployer");
        Assert.Equal("hello", await GreetingAsync("a"));
        var state = await Store.GetAppAsync(Config.App("a"), CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal(OperationPhase.Succeeded, state.Phase);
        Assert.Equal(first, state.Revision);
        // The deployed commit as the status shows it without Git: who made it and what it says.
        Assert.Equal(new RevisionInfo("ServerlessDeploy demo <demo@serverless-deploy.local>", "one app"), state.RevisionInfo);
        var entry = Assert.Single(await Store.HistoryAsync(Config.App("a"), CancellationToken.None));
        Assert.Equal(first, entry.Revision);
        var notification = Assert.Single(_run.Notifier.Notifications);
        Assert.Equal(NotificationKind.SyncSucceeded, notification.Kind);
        Assert.Equal(Config.App("a"), notification.App);
        Assert.Equal(first, notification.Revision);
    }

    [Fact]
    public async Task A_destination_naming_no_known_cluster_is_a_failed_sync_not_a_retry()
    {
        Config.AddApp("a");
        Config.Repository.Write("apps/a.yaml", Config.Repository.Read("apps/a.yaml").Replace("server: https://kubernetes.default.svc", "name: nowhere", StringComparison.Ordinal));
        var commit = Config.Commit("an app for a cluster nobody configured");

        var outcome = await _run.Local.Deployer.DeployAsync(
            new Deploying.DeployRequest(Config.App("a"), Deploying.DeployReason.GitPush, commit, "unknown-cluster", DateTimeOffset.UtcNow, "tests"), null, CancellationToken.None);

        Assert.Equal(Deploying.DeployOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("spec.destination: ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", outcome.Message, StringComparison.Ordinal);
        var state = await Store.GetAppAsync(Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Failed, state!.Phase);
        Assert.Equal(NotificationKind.SyncFailed, Assert.Single(_run.Notifier.Notifications).Kind);
    }

    [Fact]
    public async Task The_same_request_carried_out_twice_deploys_once()
    {
        Config.AddApp("a");
        var first = Config.Commit("one app");
        // A manual sync always syncs, so only the idempotency record keeps the second delivery from deploying again.
        var request = Request("a", DeployReason.Manual, first);

        var once = await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);
        var twice = await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Deployed, once.Kind);
        Assert.Equal(DeployOutcomeKind.Skipped, twice.Kind);
        Assert.Contains("already carried out", twice.Message, StringComparison.Ordinal);
        Assert.Single(await Store.HistoryAsync(Config.App("a"), CancellationToken.None));
        Assert.Single(_run.Notifier.Notifications);
    }

    [Fact]
    public async Task An_older_revision_after_a_newer_one_is_refused()
    {
        Config.AddApp("a", greeting: "old");
        var older = Config.Commit("old greeting");
        Config.WriteSettings("a", "new");
        var newer = Config.Commit("new greeting");
        Assert.Equal(DeployOutcomeKind.Deployed, (await _run.Local.Deployer.DeployAsync(Request("a", DeployReason.GitPush, newer), null, CancellationToken.None)).Kind);

        var outcome = await _run.Local.Deployer.DeployAsync(Request("a", DeployReason.GitPush, older), null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Skipped, outcome.Kind);
        Assert.Contains("older", outcome.Message, StringComparison.Ordinal);
        var state = await Store.GetAppAsync(Config.App("a"), CancellationToken.None);
        Assert.Equal(newer, state?.Revision);
        Assert.Equal("new", await GreetingAsync("a"));
        Assert.Single(await Store.HistoryAsync(Config.App("a"), CancellationToken.None));
    }

    [Fact]
    public async Task A_rollback_is_refused_while_automated_sync_is_on_and_forced_it_returns_to_the_recorded_commit()
    {
        Config.AddApp("a", greeting: "old");
        var older = Config.Commit("old greeting");
        Config.WriteSettings("a", "new");
        var newer = Config.Commit("new greeting");
        Assert.Equal(DeployOutcomeKind.Deployed, (await _run.Local.Deployer.DeployAsync(Request("a", DeployReason.GitPush, older), null, CancellationToken.None)).Kind);
        Assert.Equal(DeployOutcomeKind.Deployed, (await _run.Local.Deployer.DeployAsync(Request("a", DeployReason.GitPush, newer), null, CancellationToken.None)).Kind);
        var history = await Store.HistoryAsync(Config.App("a"), CancellationToken.None);
        var target = Assert.Single(history, h => h.Revision == older);

        var refused = await _run.Local.Deployer.DeployAsync(Request("a", DeployReason.Rollback, null) with { HistoryId = target.Id }, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Failed, refused.Kind);
        Assert.Contains("automated sync is on", refused.Message, StringComparison.Ordinal);
        Assert.Equal(newer, (await Store.GetAppAsync(Config.App("a"), CancellationToken.None))?.Revision);
        Assert.Equal("new", await GreetingAsync("a"));

        var forced = await _run.Local.Deployer.DeployAsync(Request("a", DeployReason.Rollback, null) with { HistoryId = target.Id, Force = true }, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Deployed, forced.Kind);
        var state = await Store.GetAppAsync(Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Succeeded, state?.Phase);
        Assert.Equal(older, state?.Revision);
        Assert.Equal("old", await GreetingAsync("a"));
        Assert.Equal(older, (await Store.HistoryAsync(Config.App("a"), CancellationToken.None))[0].Revision);
    }

    [Fact]
    public async Task A_broken_commit_is_recorded_failed_keeps_the_last_good_revision_and_its_resources_prunes_nothing_and_notifies()
    {
        Config.AddApp("a");
        Config.Repository.Write("workloads/a/other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  kept: \"yes\"\n");
        var good = Config.Commit("one app, two ConfigMaps");
        await PushAsync(null, good);
        Assert.Equal(OperationPhase.Succeeded, (await Store.GetAppAsync(Config.App("a"), CancellationToken.None))?.Phase);

        Config.Repository.Write("workloads/a/other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [this is not: valid\n");
        var broken = Config.Commit("a broken commit");
        var steps = await PushAsync(good, broken);

        var state = await Store.GetAppAsync(Config.App("a"), CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal(OperationPhase.Failed, state.Phase);
        Assert.Equal(good, state.Revision);
        Assert.Contains(state.Resources, r => r is { Kind: "ConfigMap", Name: "other" });
        Assert.Single(await Store.HistoryAsync(Config.App("a"), CancellationToken.None));
        Assert.Equal("hello", await GreetingAsync("a"));
        var other = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("other", Config.Namespace("a"));
        Assert.Equal("yes", other.Data["kept"]);
        var last = _run.Notifier.Notifications[^1];
        Assert.Equal(NotificationKind.SyncFailed, last.Kind);
        Assert.Equal(Config.App("a"), last.App);
        Assert.Contains(steps, s => s.Stage == "deployer" && s.Done);
    }

    [Fact]
    public async Task A_failed_request_delivered_again_answers_failed_again_without_deploying()
    {
        Config.AddApp("a");
        Config.Repository.Write("workloads/a/other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [this is not: valid\n");
        var broken = Config.Commit("a broken app");
        var request = Request("a", DeployReason.Manual, broken);

        var first = await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);
        var again = await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Failed, first.Kind);
        Assert.Equal(DeployOutcomeKind.Failed, again.Kind);
        Assert.Contains("already carried out and failed", again.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", again.Message, StringComparison.Ordinal);
        Assert.Single(_run.Notifier.Notifications);
    }

    [Fact]
    public async Task A_request_for_an_app_not_in_the_config_repository_is_not_found_and_deploys_once_the_app_is_added()
    {
        Config.AddApp("a");
        var first = Config.Commit("one app");
        var request = Request("b", DeployReason.Manual, null);

        var missing = await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);
        Config.AddApp("b");
        Config.Commit("a second app");
        var added = await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.NotFound, missing.Kind);
        Assert.Equal($"application '{Config.App("b")}' is not in the config repository {Config.Url}@{first[..7]}", missing.Message);
        Assert.Equal(DeployOutcomeKind.Deployed, added.Kind);
        Assert.Equal("hello", await GreetingAsync("b"));
    }

    [Fact]
    public async Task A_push_to_a_HEAD_app_overtaken_by_a_second_push_before_routing_deploys_the_newest_commit()
    {
        using var workloads = LocalGitRepository.Create(Config.Folder, Config.Prefix + "-workloads");
        Config.AddAppOf("b", workloads.BarePath, "HEAD");
        Config.Commit("an app on another repository's HEAD");
        var first = workloads.Write("b/settings.yaml", ConfigRepo.SettingsManifest("first")).CommitAndPush("first", DateTimeOffset.UtcNow);
        var second = workloads.Write("b/settings.yaml", ConfigRepo.SettingsManifest("second")).CommitAndPush("second", DateTimeOffset.UtcNow);
        var third = workloads.Write("b/settings.yaml", ConfigRepo.SettingsManifest("third")).CommitAndPush("third", DateTimeOffset.UtcNow);

        // The event of the push first→second reaches the router only after third was pushed too.
        var steps = await PushAsync(first, second, workloads.Name);

        Assert.Contains(steps, s => s.Stage == "deployer" && s.Done);
        Assert.Equal("third", await GreetingAsync("b"));
        Assert.Equal(third, (await Store.GetAppAsync(Config.App("b"), CancellationToken.None))?.Revision);
    }

    public void Dispose() => _run.Dispose();

    private async Task<IReadOnlyList<Local.Hosting.PipelineStep>> PushAsync(string? old, string commit, string? repository = null)
    {
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(repository ?? Config.Name, "main", old, commit, DateTimeOffset.UtcNow), CancellationToken.None);
        return await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
    }

    [Fact]
    public async Task A_sync_of_an_app_whose_lease_is_held_elsewhere_is_retried_after_a_backoff_not_the_visibility_timeout()
    {
        Config.AddApp("a");
        var first = Config.Commit("one app");
        var now = DateTimeOffset.UtcNow;
        Assert.True(await Store.TryAcquireLeaseAsync(Config.App("a"), "cli:alice", now.AddMinutes(5), now, CancellationToken.None));
        var visibility = new RecordingVisibility();
        var handler = new Handling.DeployerHandler(_run.Local.Deployer, visibility);
        var body = DeployRequestJson.Serialize(Request("a", DeployReason.Manual, first));

        var result = await handler.HandleAsync(new Handling.ReceivedMessage("m-1", body, 3, "receipt-3"), null, CancellationToken.None);

        Assert.False(result.Done);
        Assert.Contains("cli:alice", result.Message, StringComparison.Ordinal);
        Assert.Equal([("receipt-3", TimeSpan.FromSeconds(40))], visibility.Changes);
        Assert.Null(await Store.GetAppAsync(Config.App("a"), CancellationToken.None));
        Assert.Equal(TimeSpan.FromMinutes(15), Handling.DeployerHandler.RetryDelay(20));
    }

    private DeployRequest Request(string shortName, DeployReason reason, string? revision) =>
        new(Config.App(shortName), reason, revision, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");

    private async Task<string> GreetingAsync(string shortName) =>
        (await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Config.Namespace(shortName))).Data["greeting"];
}
