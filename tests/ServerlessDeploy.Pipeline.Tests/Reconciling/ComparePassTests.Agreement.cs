using System.Text.Json;
using LibGit2Sharp;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Pipeline.Tests.Reconciling;

/// <summary>
/// The pass settles an app that is not at its deployed commit exactly as the app's own reconcile request would: each
/// test carries out those requests first, puts the states back, then runs a tick, and the store must hold the same
/// record, field for field, with nothing sent on. What the pass cannot settle so is still sent.
/// </summary>
public sealed partial class ComparePassTests
{
    private static readonly string BrokenYaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: [not, a, map\n";

    [Fact]
    public async Task With_automated_sync_off_a_new_commit_is_compared_by_the_pass_as_each_apps_own_request_compares_it()
    {
        Config.AddApp("changed").AddApp("same1").AddApp("same2");
        await DeployedAsync();
        ManualApp("changed");
        ManualApp("same1");
        ManualApp("same2");
        Config.WriteSettings("changed", "changed in Git").Commit("automated sync off; one greeting changed");
        var perApp = await PerAppAsync("changed", "same1", "same2");
        var requests = new RequestsSince(cluster.Server);

        var steps = await TickAsync();

        Assert.Contains("3 apps, 3 recorded, 0 sent to deploy", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Empty(PerAppSteps(steps));
        await AssertRecordedAsAsync(perApp.Recorded);
        var changed = await StateAsync("changed");
        Assert.Equal(SyncStatusCode.OutOfSync, changed.SyncStatus);
        Assert.EndsWith("automated sync is off", changed.Message, StringComparison.Ordinal);
        // Sync status is about the manifests: compared at a commit not deployed, yet nothing of it differs.
        Assert.Equal((SyncStatusCode.Synced, "in sync with"), await StatusAsync("same1"));
        Assert.Equal("hello", (await SettingsAsync("changed")).Data["greeting"]);
        // Each app's request reads every kind for itself; the pass reads them once for all three.
        output.WriteLine($"API requests: {perApp.Requests} for the three apps' own requests, {requests.Total} for the tick's pass");
        Assert.True(requests.Total * 2 < perApp.Requests, $"{requests.Total} requests for the pass, {perApp.Requests} for the apps' own requests");
    }

    [Fact]
    public async Task With_automated_sync_off_a_render_error_at_a_new_commit_is_sent_on_and_once_mended_the_failed_app_is_compared_by_the_pass()
    {
        Config.AddApp("broken").AddApp("fine");
        await DeployedAsync();
        ManualApp("broken");
        ManualApp("fine");
        Config.Repository.Write("workloads/broken/settings.yaml", BrokenYaml);
        Config.Commit("automated sync off; broken YAML");

        var first = await TickAsync();

        // Its own request records a comparison error at a commit not deployed as a failure, which the pass does not.
        Assert.Equal([Config.App("broken")], PerAppSteps(first));
        var failed = await StateAsync("broken");
        Assert.Equal(OperationPhase.Failed, failed.Phase);
        Assert.Contains("settings.yaml", failed.Message, StringComparison.Ordinal);

        var mended = Config.WriteSettings("broken", "mended").Commit("mended");
        var perApp = await PerAppAsync("broken", "fine");

        var steps = await TickAsync();

        Assert.Contains("2 apps, 2 recorded, 0 sent to deploy", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Empty(PerAppSteps(steps));
        await AssertRecordedAsAsync(perApp.Recorded);
        var compared = await StateAsync("broken");
        Assert.Equal((OperationPhase.Failed, SyncStatusCode.OutOfSync, mended), (compared.Phase, compared.SyncStatus, compared.ComparedRevision));
    }

    [Fact]
    public async Task A_branch_head_older_than_the_deployed_commit_is_left_as_its_own_request_leaves_it()
    {
        Config.AddApp("back");
        await DeployedAsync();
        var older = Config.Repository.RemoteMain().Sha;
        Config.WriteSettings("back", "newer").Commit("newer");
        await TickAsync();
        Assert.Equal("newer", (await SettingsAsync("back")).Data["greeting"]);
        using (var bare = new Repository(Config.Url))
        {
            bare.Refs.UpdateTarget(bare.Refs["refs/heads/main"], new ObjectId(older), "the branch moved back");
        }

        var before = await RecordedAsync("back");
        var perApp = await PerAppAsync("back");

        var steps = await TickAsync();

        Assert.Equal(DeployOutcomeKind.Skipped, perApp.Outcomes["back"]);
        Assert.Equal(before, perApp.Recorded["back"]);
        Assert.Contains("1 apps, 0 recorded, 0 sent to deploy, 1 left as they are", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Equal(before, await RecordedAsync("back"));
        Assert.Equal("newer", (await SettingsAsync("back")).Data["greeting"]);
    }

    [Fact]
    public async Task With_automated_sync_on_an_app_whose_first_sync_failed_is_left_as_its_own_request_leaves_it()
    {
        Config.AddApp("broken").AddApp("fine");
        Config.Repository.Write("workloads/broken/settings.yaml", BrokenYaml);
        await DeployedAsync();
        var failed = await StateAsync("broken");
        Assert.Equal((OperationPhase.Failed, null), (failed.Phase, failed.Revision));
        var before = await RecordedAsync("broken");
        var perApp = await PerAppAsync("broken");

        var steps = await TickAsync();

        // Never deployed, but its sync of the head failed: automated sync waits for a new commit all the same.
        Assert.Equal(DeployOutcomeKind.Skipped, perApp.Outcomes["broken"]);
        Assert.Equal(before, perApp.Recorded["broken"]);
        Assert.Contains("2 apps, 1 recorded, 0 sent to deploy, 1 left as they are", PassStep(steps).Message, StringComparison.Ordinal);
        Assert.Empty(PerAppSteps(steps));
        Assert.Equal(before, await RecordedAsync("broken"));
    }

    [Fact]
    public async Task With_automated_sync_on_an_app_whose_last_operation_erred_is_sent_on_and_synced_again()
    {
        Config.AddApp("erred").AddApp("fine");
        await DeployedAsync();
        var state = await StateAsync("erred");
        await _run.Local.Store.PutAppAsync(state with { Phase = OperationPhase.Error, Message = "the cluster could not be read (will be retried)" }, CancellationToken.None);

        var steps = await TickAsync();

        Assert.Equal([Config.App("erred")], PerAppSteps(steps));
        Assert.Equal(OperationPhase.Succeeded, (await StateAsync("erred")).Phase);
    }

    /// <summary>Turns automated sync off for the app (in the working tree; the caller commits).</summary>
    private void ManualApp(string shortName)
    {
        var file = $"apps/{shortName}.yaml";
        Config.Repository.Write(file, Config.Repository.Read(file).Replace("    automated:\n      prune: true\n", "", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each app's own reconcile request, carried out on the states as they are: what it answered and recorded (by short
    /// name), and the API requests they made. The states are then put back, so the next tick's pass starts from the same.
    /// </summary>
    private async Task<(Dictionary<string, string> Recorded, Dictionary<string, DeployOutcomeKind> Outcomes, long Requests)> PerAppAsync(params string[] shortNames)
    {
        var before = new List<AppState>();
        foreach (var name in shortNames)
        {
            before.Add(await StateAsync(name));
        }

        var requests = new RequestsSince(cluster.Server);
        var outcomes = new Dictionary<string, DeployOutcomeKind>();
        foreach (var name in shortNames)
        {
            var request = new DeployRequest(Config.App(name), DeployReason.Reconcile, null, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "reconcile");
            outcomes[name] = (await _run.Local.Deployer.DeployAsync(request, null, CancellationToken.None)).Kind;
        }

        var total = requests.Total;
        var recorded = new Dictionary<string, string>();
        foreach (var name in shortNames)
        {
            recorded[name] = await RecordedAsync(name);
        }

        foreach (var state in before)
        {
            await _run.Local.Store.PutAppAsync(state, CancellationToken.None);
        }

        return (recorded, outcomes, total);
    }

    private async Task AssertRecordedAsAsync(Dictionary<string, string> recorded)
    {
        foreach (var (name, json) in recorded)
        {
            Assert.Equal(json, await RecordedAsync(name));
        }
    }

    private async Task<AppState> StateAsync(string shortName)
    {
        var state = await _run.Local.Store.GetAppAsync(Config.App(shortName), CancellationToken.None);
        Assert.NotNull(state);
        return state;
    }

    /// <summary>The app's whole record as the store keeps it, so two records compare field for field.</summary>
    private async Task<string> RecordedAsync(string shortName) =>
        JsonSerializer.Serialize(await StateAsync(shortName), LocalStateJson.Default.AppState);

    private static PipelineStep PassStep(IReadOnlyList<PipelineStep> steps) =>
        Assert.Single(steps, s => s.Stage == "deployer" && s.Message.StartsWith("compare pass", StringComparison.Ordinal));
}
