using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Repositories;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Reconciling;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Pipeline.Tests.Reconciling;

/// <summary>
/// A reconcile tick through the local pipeline: the router sends one compare pass for the cluster, the pass compares
/// every settled app against one read of it and records what it finds, and only the apps that must sync or that the
/// read cannot settle go on as per-app requests, which do what they did before.
/// </summary>
public sealed partial class ComparePassTests(ClusterFixture cluster, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);
    private readonly PipelineRun _run = new(cluster);
    private readonly DateTimeOffset _firstTick = DateTimeOffset.UtcNow;
    private int _ticks;

    private ConfigRepo Config => _run.Config;

    [Fact]
    public async Task One_read_of_the_cluster_settles_the_in_sync_apps_records_drift_and_sends_on_only_the_app_that_self_heals()
    {
        Config.AddApp("first").AddApp("second").AddApp("drifted").AddApp("healed");
        SelfHeal("healed");
        await DeployedAsync();
        await ChangeGreetingByHandAsync("drifted");
        await ChangeGreetingByHandAsync("healed");
        var requests = new RequestsSince(cluster.Server);

        var steps = await TickAsync();

        var pass = Assert.Single(steps, s => s.Stage == "deployer" && s.Message.StartsWith("compare pass", StringComparison.Ordinal));
        Assert.Contains("4 apps, 3 recorded, 1 sent to deploy", pass.Message, StringComparison.Ordinal);
        Assert.Equal([Config.App("healed")], PerAppSteps(steps));
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("first"));
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("second"));
        Assert.Equal((SyncStatusCode.OutOfSync, "drift found"), await StatusAsync("drifted"));
        Assert.Equal("changed by hand", (await SettingsAsync("drifted")).Data["greeting"]);
        Assert.Equal("hello", (await SettingsAsync("healed")).Data["greeting"]);
        Assert.Equal(SyncStatusCode.Synced, (await StatusAsync("healed")).SyncStatus);
        // The pass's one labelled list of ConfigMaps for all four apps; the self-healing app's own request lists twice more.
        Assert.Equal(3, requests.Count("list", "configmaps"));
        // The pass's one list of namespaces, and the self-healing app's labelled list of what it tracks.
        Assert.Equal(2, requests.Count("list", "namespaces"));
        // The self-healing sync's check that its destination namespace exists (CreateNamespace=true).
        Assert.Equal(1, requests.Count("get", "namespaces"));
    }

    [Fact]
    public async Task An_app_whose_lease_a_sync_holds_is_left_to_it_and_not_counted_as_recorded()
    {
        Config.AddApp("held").AddApp("free");
        await DeployedAsync();
        await ChangeGreetingByHandAsync("held");
        await ChangeGreetingByHandAsync("free");
        var now = DateTimeOffset.UtcNow;
        Assert.True(await _run.Local.Store.TryAcquireLeaseAsync(Config.App("held"), "cli:alice", now.AddMinutes(5), now, CancellationToken.None));
        var rig = new ComparePassRig(_run, cluster.KubeconfigPath);
        rig.Gate.Release();

        var whileHeld = await rig.Pass.RunAsync(ComparePassRig.TickPass("held"), null, CancellationToken.None);
        await _run.Local.Store.ReleaseLeaseAsync(Config.App("held"), "cli:alice", CancellationToken.None);
        var heldStatus = await StatusAsync("held");
        var afterwards = await rig.Pass.RunAsync(ComparePassRig.TickPass("released"), null, CancellationToken.None);

        Assert.Contains("2 apps, 1 recorded, 0 sent to deploy, 1 left as they are", whileHeld.Summary, StringComparison.Ordinal);
        Assert.Equal(AppVerdictKind.Skipped, Assert.Single(whileHeld.Apps, a => a.App == Config.App("held")).Kind);
        Assert.Equal((SyncStatusCode.Synced, "successfully synced"), heldStatus);
        Assert.Equal((SyncStatusCode.OutOfSync, "drift found"), await StatusAsync("free"));
        Assert.Contains("2 apps, 2 recorded, 0 sent to deploy;", afterwards.Summary, StringComparison.Ordinal);
        Assert.Equal((SyncStatusCode.OutOfSync, "drift found"), await StatusAsync("held"));
    }

    [Fact]
    public async Task A_tick_with_nothing_changed_reads_each_kind_once_whatever_the_number_of_apps_and_writes_nothing()
    {
        foreach (var name in Enumerable.Range(1, 6).Select(i => $"quiet{i}"))
        {
            Config.AddApp(name);
        }

        await DeployedAsync();
        var first = await TickAsync();
        var requests = new RequestsSince(cluster.Server);

        var steps = await TickAsync();

        // The first pass renders each app and fills the render cache; the next renders none.
        Assert.Contains("6 apps, 6 recorded, 0 sent to deploy; renders: 0 cached, 6 rendered", Assert.Single(first, s => s.Stage == "deployer").Message, StringComparison.Ordinal);
        Assert.Contains("6 apps, 6 recorded, 0 sent to deploy; renders: 6 cached, 0 rendered", Assert.Single(steps, s => s.Stage == "deployer").Message, StringComparison.Ordinal);
        Assert.Equal(1, requests.Count("list", "configmaps"));
        Assert.Equal(1, requests.Count("list", "deployments"));
        Assert.Equal(1, requests.Count("list", "namespaces"));
        Assert.Equal(0, requests.Writes);
        Assert.Equal(0, requests.Count("patch", dryRun: true));
    }

    [Fact]
    public async Task A_resource_deleted_by_hand_goes_to_the_per_app_path_which_reports_it()
    {
        Config.AddApp("deleted").AddApp("kept");
        await DeployedAsync();
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("settings", Config.Namespace("deleted"));

        var steps = await TickAsync();

        Assert.Equal([Config.App("deleted")], PerAppSteps(steps));
        Assert.Contains(steps, s => s.Message.Contains("is not in the cluster's snapshot", StringComparison.Ordinal) || s.Message.StartsWith("compare pass", StringComparison.Ordinal));
        Assert.Equal((SyncStatusCode.OutOfSync, "drift found"), await StatusAsync("deleted"));
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("kept"));
    }

    [Fact]
    public async Task A_new_commit_with_a_kind_the_app_did_not_have_is_synced_in_the_same_tick()
    {
        Config.AddApp("grows").AddApp("still");
        await DeployedAsync();
        Config.AddDeployment("grows").Commit("a Deployment joins");

        var steps = await TickAsync();

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        // Config and workloads share a repository here, so the commit is new for both apps; only the one it changes syncs.
        Assert.Equal([Config.App("grows")], PerAppSteps(steps));
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("still"));
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Config.Namespace("grows"));
        Assert.Equal("nginx:1.27", deployment.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task An_app_whose_render_fails_goes_to_the_per_app_path_which_records_the_failure_and_is_then_left_as_its_own_request_leaves_it()
    {
        Config.AddApp("broken").AddApp("fine");
        await DeployedAsync();
        await TickAsync();
        Config.Repository.Write("workloads/broken/settings.yaml", BrokenYaml);
        Config.Commit("broken YAML");
        // Only the app the commit changes is sent; the other is compared and recorded Synced at the commit by the pass.
        Assert.Equal([Config.App("broken")], PerAppSteps(await TickAsync()));
        var failed = await StateAsync("broken");
        Assert.Equal(OperationPhase.Failed, failed.Phase);
        Assert.Contains("settings.yaml", failed.Message, StringComparison.Ordinal);
        var before = await RecordedAsync("broken");
        var perApp = await PerAppAsync("broken");
        var requests = new RequestsSince(cluster.Server);

        var steps = await TickAsync();

        // As Argo CD, automated sync waits for a new commit after a failed one: the app's own request answers Skipped
        // and writes nothing, and the pass leaves it so too, sending nothing; the other app is settled by the pass.
        Assert.Equal(DeployOutcomeKind.Skipped, perApp.Outcomes["broken"]);
        Assert.Equal(before, perApp.Recorded["broken"]);
        Assert.Contains("2 apps, 1 recorded, 0 sent to deploy, 1 left as they are", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Empty(PerAppSteps(steps));
        Assert.Equal(before, await RecordedAsync("broken"));
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("fine"));
        Assert.Equal(0, requests.Writes);
    }

    [Fact]
    public async Task An_app_whose_source_cannot_be_read_is_handed_to_its_own_request_and_the_pass_still_settles_the_others()
    {
        var folder = Path.Combine(_run.StateFolder, "elsewhere");
        using (var elsewhere = LocalGitRepository.Create(folder, "elsewhere"))
        {
            elsewhere.Write("lost/settings.yaml", ConfigRepo.SettingsManifest("hello")).CommitAndPush("settings", DateTimeOffset.UtcNow);
            Config.AddApp("fine").AddAppOf("lost", elsewhere.BarePath, "main");
            await DeployedAsync();
            await TickAsync();
        }

        // The source repository goes away after both apps were deployed and compared.
        Directory.Delete(folder, recursive: true);
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.ReconcileTick(NextTick()), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);

        var pass = Assert.Single(steps, s => s.Stage == "deployer" && s.Message.StartsWith("compare pass", StringComparison.Ordinal));
        Assert.True(pass.Done, pass.Message);
        Assert.Contains("2 apps, 1 recorded, 1 sent to deploy", pass.Message, StringComparison.Ordinal);
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("fine"));
    }

    [Fact]
    public async Task An_app_removed_from_git_is_removed_at_the_tick_while_the_others_are_compared()
    {
        Config.AddApp("leaving").AddApp("staying");
        await DeployedAsync();
        File.Delete(Path.Combine(Config.Repository.WorkPath, "apps/leaving.yaml"));
        Config.Commit("leaving goes");
        await TickAsync();
        var requests = new RequestsSince(cluster.Server);

        var steps = await TickAsync();

        // Without the resources finalizer its ConfigMap is left in place, as Argo CD leaves it.
        Assert.Equal(SyncStatusCode.Orphaned, (await _run.Local.Store.GetAppAsync(Config.App("leaving"), CancellationToken.None))?.SyncStatus);
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("staying"));
        Assert.Contains("1 apps, 1 recorded", Assert.Single(steps, s => s.Stage == "deployer").Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
    }

    [Fact]
    public async Task A_cluster_that_cannot_be_read_is_reported_on_its_apps_and_the_other_cluster_is_still_compared()
    {
        var kubeconfig = Path.Combine(_run.StateFolder, "two-clusters.yaml");
        WriteWithUnreachableContext(cluster.KubeconfigPath, kubeconfig);
        using var local = LocalDeployer.Create(
            new Config.PipelineSettings(Config.Url) { HealthTimeout = TimeSpan.FromSeconds(30) },
            new Local.Clusters.KubeconfigClusters(kubeconfig), Path.Combine(_run.StateFolder, "two"), PipelineRun.Channels(_run.Notifier));
        Config.AddApp("reachable");
        await RunAsync(local, LocalEvents.CodeCommitPush(Config.Name, "main", null, Config.Commit("one app"), DateTimeOffset.UtcNow));
        Config.Repository.Write("apps/stranded.yaml", Config.Repository.Read("apps/reachable.yaml")
            .Replace("server: https://kubernetes.default.svc", "name: down", StringComparison.Ordinal)
            .Replace(Config.App("reachable"), Config.App("stranded"), StringComparison.Ordinal));
        Config.Commit("one app on a cluster that is down, no push event for it");

        var steps = await RunAsync(local, LocalEvents.ReconcileTick(NextTick()));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        Assert.Contains(steps, s => s.Message.StartsWith("compare pass name:down", StringComparison.Ordinal) && s.Message.Contains("1 unreadable", StringComparison.Ordinal));
        var stranded = await local.Store.GetAppAsync(Config.App("stranded"), CancellationToken.None);
        Assert.StartsWith("comparison failed: ", stranded?.Message, StringComparison.Ordinal);
        Assert.Equal(SyncStatusCode.Synced, (await local.Store.GetAppAsync(Config.App("reachable"), CancellationToken.None))?.SyncStatus);
    }

    [Fact]
    public async Task An_app_at_a_new_commit_is_rendered_and_compared_before_it_is_sent()
    {
        using var elsewhere = ElsewhereWith("z-moves");
        Config.AddApp("a-settled").AddApp("b-settled").AddAppOf("z-moves", elsewhere.BarePath, "main");
        await DeployedAsync();
        elsewhere.Write("z-moves/settings.yaml", ConfigRepo.SettingsManifest("hi")).CommitAndPush("a new greeting", DateTimeOffset.UtcNow);
        var rig = new ComparePassRig(_run, cluster.KubeconfigPath);

        var running = rig.Pass.RunAsync(ComparePassRig.TickPass("ordered"), null, CancellationToken.None);
        await rig.Gate.Entered.WaitAsync(MaxWait);

        // As Argo CD's auto-sync: a new commit syncs only when it changes what is live, which only its render tells.
        Assert.Empty(rig.DeployQueue.Bodies());
        rig.Gate.Release();
        var outcome = await running.WaitAsync(MaxWait);
        Assert.Contains("3 apps, 2 recorded, 1 sent to deploy;", outcome.Summary, StringComparison.Ordinal);
        var sent = Assert.Single(rig.DeployQueue.Bodies().Select(DeployRequestJson.Deserialize));
        Assert.Equal((Config.App("z-moves"), null), (sent.App, sent.ConfigCommit));
        // The app at a new commit is compared right after the first, before the app settled at its commit: a changed
        // app does not wait behind the renders of the others.
        Assert.Equal([Config.App("a-settled"), Config.App("z-moves"), Config.App("b-settled")], rig.Gate.Begun);
    }

    [Fact]
    public async Task Near_the_deadline_the_rest_is_handed_on_once_as_one_continuation_which_judges_exactly_those_apps()
    {
        using var elsewhere = ElsewhereWith("d-moves");
        Config.AddApp("a").AddApp("b").AddApp("c").AddAppOf("d-moves", elsewhere.BarePath, "main");
        await DeployedAsync();
        elsewhere.Write("d-moves/settings.yaml", ConfigRepo.SettingsManifest("hi")).CommitAndPush("a new greeting", DateTimeOffset.UtcNow);
        var rig = new ComparePassRig(_run, cluster.KubeconfigPath);
        rig.Gate.Release();
        var tick = ComparePassRig.TickPass("near");
        var deadline = DateTimeOffset.UtcNow;

        var first = await rig.Pass.RunAsync(tick, deadline, CancellationToken.None);
        var redelivered = await rig.Pass.RunAsync(tick, deadline, CancellationToken.None);

        // Past the deadline less its margin a part still looks at and compares one app; the rest, the app at a new
        // commit included, are not looked at: a cold container's branch lookups may take as long as the renders.
        Assert.Equal([Config.App("a")], first.Apps.Select(a => a.App));
        Assert.Contains("1 apps, 1 recorded, 0 sent to deploy, 3 handed on", first.Summary, StringComparison.Ordinal);
        Assert.Equal(first.Apps, redelivered.Apps);
        Assert.Equal(first.HandedOn, redelivered.HandedOn);
        var queued = rig.DeployQueue.Bodies();
        var continuation = Assert.Single(queued.Select(ComparePassJson.TryDeserialize).OfType<ComparePassRequest>());
        Assert.Equal(tick with { After = Config.App("a") }, continuation);
        Assert.Single(queued);

        var rest = await rig.Pass.RunAsync(continuation, null, CancellationToken.None);
        var again = await rig.Pass.RunAsync(continuation, null, CancellationToken.None);

        Assert.Equal([Config.App("b"), Config.App("c"), Config.App("d-moves")], rest.Apps.Select(a => a.App));
        Assert.Contains("3 apps, 2 recorded, 1 sent to deploy;", rest.Summary, StringComparison.Ordinal);
        Assert.Equal(rest.Apps, again.Apps);
        // The redelivered continuation's request for the app at a new commit has the first one's id: the FIFO queue drops it.
        Assert.Equal(2, rig.DeployQueue.Bodies().Count);
    }

    [Fact]
    public async Task Through_the_pipeline_each_invocation_near_its_deadline_hands_on_to_the_next_and_every_app_is_compared_once()
    {
        using var near = new PipelineRun(cluster, s => s with { DeadlineMargin = TimeSpan.FromHours(1) }, invocationTime: TimeSpan.FromMinutes(1));
        near.Config.AddApp("a").AddApp("b").AddApp("c");
        await RunAsync(near.Local, LocalEvents.CodeCommitPush(near.Config.Name, "main", null, near.Config.Commit("apps"), DateTimeOffset.UtcNow));

        var steps = await RunAsync(near.Local, LocalEvents.ReconcileTick(NextTick()));

        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        var parts = steps.Where(s => s.Stage == "deployer").Select(s => s.Message).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Contains("1 apps, 1 recorded, 0 sent to deploy, 2 handed on", parts[0], StringComparison.Ordinal);
        Assert.Contains("1 apps, 1 recorded, 0 sent to deploy, 1 handed on", parts[1], StringComparison.Ordinal);
        Assert.Contains("1 apps, 1 recorded, 0 sent to deploy; renders", parts[2], StringComparison.Ordinal);
        foreach (var app in new[] { "a", "b", "c" })
        {
            Assert.Equal(SyncStatusCode.Synced, (await near.Local.Store.GetAppAsync(near.Config.App(app), CancellationToken.None))?.SyncStatus);
        }
    }

    public void Dispose() => _run.Dispose();

    /// <summary>A source repository of its own with settings for <paramref name="shortName"/>, so a commit to it is new for that app alone.</summary>
    private LocalGitRepository ElsewhereWith(string shortName)
    {
        var elsewhere = LocalGitRepository.Create(Path.Combine(_run.StateFolder, "elsewhere"), "elsewhere");
        elsewhere.Write($"{shortName}/settings.yaml", ConfigRepo.SettingsManifest("hello")).CommitAndPush("settings", DateTimeOffset.UtcNow);
        return elsewhere;
    }

    /// <summary>A tick's time, a minute after the one before: two ticks of the same time are one event, which the FIFO queue takes once.</summary>
    private DateTimeOffset NextTick() => _firstTick.AddMinutes(++_ticks);

    /// <summary>The fixture's kubeconfig with one more context, "down", whose server refuses every connection.</summary>
    private static void WriteWithUnreachableContext(string from, string to) =>
        File.WriteAllText(to, File.ReadAllText(from)
            .Replace("clusters:\n", "clusters:\n- name: down\n  cluster:\n    server: http://127.0.0.1:9\n", StringComparison.Ordinal)
            .Replace("contexts:\n", "contexts:\n- name: down\n  context:\n    cluster: down\n", StringComparison.Ordinal));

    private void SelfHeal(string shortName) =>
        Config.Repository.Write($"apps/{shortName}.yaml", Config.Repository.Read($"apps/{shortName}.yaml").Replace("prune: true", "prune: true\n      selfHeal: true", StringComparison.Ordinal));

    private async Task DeployedAsync()
    {
        var steps = await RunAsync(_run.Local, LocalEvents.CodeCommitPush(Config.Name, "main", null, Config.Commit("apps"), DateTimeOffset.UtcNow));
        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
    }

    private async Task<IReadOnlyList<PipelineStep>> TickAsync()
    {
        var steps = await RunAsync(_run.Local, LocalEvents.ReconcileTick(NextTick()));
        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));
        return steps;
    }

    private async Task<IReadOnlyList<PipelineStep>> RunAsync(LocalDeployer local, string body)
    {
        await local.Pipeline.SubmitAsync(body, CancellationToken.None);
        var steps = await local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
        foreach (var step in steps)
        {
            output.WriteLine($"{step.Stage} {step.Done}: {step.Message}");
        }

        return steps;
    }

    /// <summary>The apps that got a request of their own (deployer steps other than the pass), by the app their message names.</summary>
    private List<string> PerAppSteps(IReadOnlyList<PipelineStep> steps) =>
        steps.Where(s => s.Stage == "deployer" && !s.Message.StartsWith("compare pass", StringComparison.Ordinal))
            .Select(s => s.Message.Split(':', 2)[0].Split(' ')[0])
            .ToList();

    private async Task<(SyncStatusCode SyncStatus, string Message)> StatusAsync(string shortName)
    {
        var state = await _run.Local.Store.GetAppAsync(Config.App(shortName), CancellationToken.None);
        Assert.NotNull(state);
        var start = state.Message.Split(' ') switch
        {
            ["in", "sync", "with", ..] => "in sync with",
            ["drift", "found", ..] => "drift found",
            _ => state.Message,
        };
        return (state.SyncStatus, start);
    }

    private async Task ChangeGreetingByHandAsync(string shortName)
    {
        var patch = """{"data":{"greeting":"changed by hand"}}""";
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), "settings", Config.Namespace(shortName), fieldManager: "kubectl-edit");
    }

    private Task<V1ConfigMap> SettingsAsync(string shortName) =>
        cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Config.Namespace(shortName));
}
