using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>sdeploy app sync|diff|get|render on the example config repository, against the local API server through a kubeconfig.</summary>
public sealed class AppCommandTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly string Apps = Path.Combine(Sdeploy.Examples(), "apps");

    [Theory]
    [InlineData("guestbook")]
    [InlineData("podinfo")]
    [InlineData("redis")]
    public async Task Sync_deploys_each_example_and_diff_then_finds_it_in_sync(string app)
    {
        var sync = await SyncAsync(app);

        Assert.True(sync.Exit == 0, sync.ToString());
        Assert.Contains("Operation: Succeeded: successfully synced", sync.Output, StringComparison.Ordinal);
        Assert.Contains("Health:    Healthy", sync.Output, StringComparison.Ordinal);
        var diff = await Sdeploy.RunAsync("app", "diff", AppFile(app), "--kubeconfig", fixture.KubeconfigPath);
        Assert.True(diff.Exit == 0, diff.ToString());
        Assert.Equal("", diff.Errors);
    }

    [Fact]
    public async Task A_kubectl_edit_of_a_live_object_makes_diff_exit_1_naming_the_field()
    {
        Assert.Equal(0, (await SyncAsync("guestbook")).Exit);
        var editor = Path.Combine(fixture.Folder, "edit-replicas.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nsed -i 's/^  replicas: 2$/  replicas: 5/' \"$1\"\n");
        var edit = await fixture.Kubectl.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["KUBE_EDITOR"] = $"sh {editor}" }, "-n", "demo-guestbook", "edit", "deployment/guestbook-ui");
        Assert.True(edit.ExitCode == 0, edit.ToString());

        var diff = await Sdeploy.RunAsync("app", "diff", AppFile("guestbook"), "--kubeconfig", fixture.KubeconfigPath);
        var json = await Sdeploy.RunAsync("app", "diff", AppFile("guestbook"), "--kubeconfig", fixture.KubeconfigPath, "-o", "json");

        Assert.True(diff.Exit == 1, diff.ToString());
        Assert.Contains("OutOfSync", diff.Output, StringComparison.Ordinal);
        Assert.Contains("-  replicas: 5", diff.Output, StringComparison.Ordinal);
        Assert.Contains("+  replicas: 2", diff.Output, StringComparison.Ordinal);
        var changed = JsonNode.Parse(json.Output)!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "Deployment")!;
        Assert.Equal("""["spec.replicas"]""", changed["changedFields"]!.ToJsonString());
    }

    [Fact]
    public async Task Get_as_json_shows_the_sync_status_and_health()
    {
        Assert.Equal(0, (await SyncAsync("podinfo")).Exit);

        var get = await Sdeploy.RunAsync("app", "get", AppFile("podinfo"), "--kubeconfig", fixture.KubeconfigPath, "-o", "json");

        Assert.True(get.Exit == 0, get.ToString());
        var view = JsonNode.Parse(get.Output)!;
        Assert.Equal("Synced", view["syncStatus"]!.GetValue<string>());
        Assert.Equal("Healthy", view["health"]!.GetValue<string>());
        Assert.Contains(view["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "prod-podinfo" && r["kind"]!.GetValue<string>() == "Deployment");
    }

    [Fact]
    public async Task Get_with_the_state_folder_shows_the_recorded_overrides_and_history_and_compares_with_the_overrides()
    {
        Assert.Equal(0, (await SyncAsync("podinfo")).Exit);
        var state = Path.Combine(fixture.Folder, "state-" + Guid.NewGuid().ToString("N")[..6]);
        using (var store = new Local.State.SqliteStateStore(state))
        {
            await store.PutAppAsync(ServerlessDeploy.State.AppState.New("podinfo") with
            {
                Revision = "4f1c2e9d0b7a6c5e3d2f1a0b9c8d7e6f5a4b3c2d",
                ImageOverrides = ["ghcr.io/stefanprodan/podinfo:6.8.0"],
            }, CancellationToken.None);
            await store.AppendHistoryAsync("podinfo", new ServerlessDeploy.State.HistoryEntry(0, "4f1c2e9d0b7a6c5e3d2f1a0b9c8d7e6f5a4b3c2d", "../workloads", "podinfo/overlays/production", [], "sha256:0", DateTimeOffset.UtcNow, ServerlessDeploy.State.OperationPhase.Succeeded, "ok", "test"), CancellationToken.None);
        }

        var get = await Sdeploy.RunAsync("app", "get", AppFile("podinfo"), "--kubeconfig", fixture.KubeconfigPath, "--state", state, "-o", "json");
        var table = await Sdeploy.RunAsync("app", "get", AppFile("podinfo"), "--kubeconfig", fixture.KubeconfigPath, "--state", state);

        Assert.True(get.Exit == 0, get.ToString());
        var view = JsonNode.Parse(get.Output)!;
        Assert.Equal("""["ghcr.io/stefanprodan/podinfo:6.8.0"]""", view["imageOverrides"]!.ToJsonString());
        Assert.Equal(1, view["history"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("OutOfSync", view["syncStatus"]!.GetValue<string>());
        Assert.Contains("Overrides:   ghcr.io/stefanprodan/podinfo:6.8.0", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_with_the_state_folder_shows_a_waiting_sync_its_step_what_it_waits_for_and_until_when()
    {
        Assert.Equal(0, (await SyncAsync("podinfo")).Exit);
        var state = Path.Combine(fixture.Folder, "waiting-" + Guid.NewGuid().ToString("N")[..6]);
        var wakesAt = new DateTimeOffset(2026, 12, 6, 12, 0, 10, TimeSpan.Zero);
        using (var store = new Local.State.SqliteStateStore(state))
        {
            // The deployer copies a waiting sync into the app's status when it books the wait; `app get` reads only that.
            await store.PutAppAsync(ServerlessDeploy.State.AppState.New("podinfo") with
            {
                Waiting = new ServerlessDeploy.State.WaitingSync("c-42", new string('a', 40), "Sync/0 health", "waiting for health: apps/Deployment:prod/web is Progressing", wakesAt, wakesAt.AddMinutes(5)),
            }, CancellationToken.None);
        }

        var get = await Sdeploy.RunAsync("app", "get", AppFile("podinfo"), "--kubeconfig", fixture.KubeconfigPath, "--state", state, "-o", "json");
        var table = await Sdeploy.RunAsync("app", "get", AppFile("podinfo"), "--kubeconfig", fixture.KubeconfigPath, "--state", state);

        Assert.True(get.Exit == 0, get.ToString());
        var waiting = JsonNode.Parse(get.Output)!["waiting"]!;
        Assert.Equal("Sync/0 health", waiting["step"]!.GetValue<string>());
        Assert.Equal("waiting for health: apps/Deployment:prod/web is Progressing", waiting["for"]!.GetValue<string>());
        Assert.Equal(wakesAt, DateTimeOffset.Parse(waiting["wakesAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Waiting:     Sync/0 health: waiting for health", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_with_a_state_folder_refuses_while_another_sync_holds_the_app_lease_and_releases_its_own_after()
    {
        var state = Path.Combine(fixture.Folder, "lease-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(state);
        using var store = new Local.State.SqliteStateStore(state);
        var now = DateTimeOffset.UtcNow;
        Assert.True(await store.TryAcquireLeaseAsync("redis", "deploy:queue-message", now.AddMinutes(5), now, CancellationToken.None));

        var refused = await Sdeploy.RunAsync("app", "sync", AppFile("redis"), "--kubeconfig", fixture.KubeconfigPath, "--state", state);
        await store.ReleaseLeaseAsync("redis", "deploy:queue-message", CancellationToken.None);
        var synced = await Sdeploy.RunAsync("app", "sync", AppFile("redis"), "--kubeconfig", fixture.KubeconfigPath, "--state", state, "--timeout", "60");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("redis is being synced by deploy:queue-message", refused.Errors, StringComparison.Ordinal);
        Assert.True(synced.Exit == 0, synced.ToString());
        Assert.Null(await store.GetLeaseAsync("redis", DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task Render_prints_the_manifests_as_YAML()
    {
        var render = await Sdeploy.RunAsync("app", "render", AppFile("podinfo"));

        Assert.True(render.Exit == 0, render.ToString());
        Assert.Contains("kind: Deployment", render.Output, StringComparison.Ordinal);
        Assert.Contains("name: prod-podinfo", render.Output, StringComparison.Ordinal);
        Assert.Contains("image: ghcr.io/stefanprodan/podinfo:6.7.1", render.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_Application_file_exits_2_with_one_message()
    {
        var file = Path.Combine(fixture.Folder, "invalid-app.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: broken\nspec:\n  source:\n    repoURL: ../workloads\n    path: guestbook\n");

        var sync = await Sdeploy.RunAsync("app", "sync", file, "--kubeconfig", fixture.KubeconfigPath);

        Assert.Equal(2, sync.Exit);
        Assert.Equal("", sync.Output);
        var line = Assert.Single(sync.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}: invalid Application: ", line, StringComparison.Ordinal);
        Assert.Contains("spec.destination", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_API_server_gives_one_clear_error()
    {
        var kubeconfig = Path.Combine(fixture.Folder, "unreachable-kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, fixture.Server.Kubeconfig().Replace(fixture.Server.Url.ToString().TrimEnd('/'), $"http://127.0.0.1:{ClosedPort()}", StringComparison.Ordinal));

        var sync = await Sdeploy.RunAsync("app", "sync", AppFile("guestbook"), "--kubeconfig", kubeconfig);

        Assert.Equal(1, sync.Exit);
        var line = Assert.Single(sync.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: discovery of /api", line, StringComparison.Ordinal);
        Assert.Contains("the API server at http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("is unreachable: Connection refused", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbled_file_next_to_the_Application_is_named_in_a_warning_and_the_sync_goes_on()
    {
        var apps = Directory.CreateDirectory(Path.Combine(fixture.Folder, "garbled-neighbour", "apps")).FullName;
        var good = Path.Combine(apps, "good.yaml");
        var broken = Path.Combine(apps, "broken.yaml");
        await File.WriteAllTextAsync(good, GuestbookApp("garbled-neighbour", "default"));
        await File.WriteAllTextAsync(broken, "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: broken\nspec: [\n");

        var sync = await Sdeploy.RunAsync("app", "sync", good, "--kubeconfig", fixture.KubeconfigPath, "--timeout", "30");

        Assert.True(sync.Exit == 0, sync.Errors);
        var warning = Assert.Single(sync.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(warning.StartsWith($"warning: {broken}: invalid YAML at ", StringComparison.Ordinal), warning);
        Assert.EndsWith("(skipped while looking for AppProject 'default')", warning, StringComparison.Ordinal);
        Assert.Contains("Operation: Succeeded", sync.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_project_is_found_past_a_garbled_file_and_a_missing_one_exits_2_naming_it()
    {
        var root = Directory.CreateDirectory(Path.Combine(fixture.Folder, "garbled-projects")).FullName;
        var apps = Directory.CreateDirectory(Path.Combine(root, "apps")).FullName;
        var projects = Directory.CreateDirectory(Path.Combine(root, "projects")).FullName;
        await File.WriteAllTextAsync(Path.Combine(projects, "a-garbled.yaml"), "kind: AppProject\nmetadata:\n  name: [team\n");
        await File.WriteAllTextAsync(Path.Combine(projects, "team.yaml"),
            "apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: team\nspec:\n  sourceRepos: ['*']\n  destinations:\n    - server: https://kubernetes.default.svc\n      namespace: '*'\n  clusterResourceWhitelist:\n    - group: ''\n      kind: Namespace\n");
        var teamApp = Path.Combine(apps, "team.yaml");
        var strayApp = Path.Combine(apps, "stray.yaml");
        await File.WriteAllTextAsync(teamApp, GuestbookApp("garbled-projects", "team"));
        await File.WriteAllTextAsync(strayApp, GuestbookApp("garbled-projects-stray", "nowhere"));

        var team = await Sdeploy.RunAsync("app", "sync", teamApp, "--kubeconfig", fixture.KubeconfigPath, "--timeout", "30");
        var stray = await Sdeploy.RunAsync("app", "sync", strayApp, "--kubeconfig", fixture.KubeconfigPath, "--timeout", "30");

        Assert.True(team.Exit == 0, team.Errors);
        Assert.StartsWith($"warning: {Path.Combine(apps, "..", "projects", "a-garbled.yaml")}: invalid YAML at ", team.Errors, StringComparison.Ordinal);
        Assert.Equal(2, stray.Exit);
        Assert.Equal("", stray.Output);
        var lines = stray.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("warning: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("error: spec.project: project 'nowhere' not found in the config repository's projects/ folder; pass --project <file>", lines[1]);
    }

    [Theory]
    [InlineData("empty", "", "the file holds no configuration")]
    [InlineData("garbled", "apiVersion: v1\nkind: Config\nclusters: [{name: a\n", "not a kubeconfig: line ")]
    [InlineData("not-a-map", "- just\n- a list\n", "not a kubeconfig: line ")]
    public async Task An_empty_or_invalid_kubeconfig_exits_2_with_one_message_naming_the_file(string name, string text, string problem)
    {
        var kubeconfig = Path.Combine(fixture.Folder, $"{name}-kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, text);

        var sync = await Sdeploy.RunAsync("app", "sync", AppFile("guestbook"), "--kubeconfig", kubeconfig);
        var diff = await Sdeploy.RunAsync("app", "diff", AppFile("guestbook"), "--kubeconfig", kubeconfig);

        foreach (var run in new[] { sync, diff })
        {
            Assert.Equal(2, run.Exit);
            Assert.Equal("", run.Output);
            var line = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: kubeconfig {kubeconfig}: {problem}", line, StringComparison.Ordinal);
        }
    }

    /// <summary>The guestbook example as an Application of the given project, deploying to a namespace of its own.</summary>
    private static string GuestbookApp(string name, string project) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
        spec:
          project: {project}
          source:
            repoURL: {Path.Combine(Sdeploy.Examples(), "workloads")}
            path: guestbook
          destination:
            server: https://kubernetes.default.svc
            namespace: {name}
          syncPolicy:
            syncOptions: [CreateNamespace=true]
        """;

    private Task<CommandRun> SyncAsync(string app) =>
        Sdeploy.RunAsync("app", "sync", AppFile(app), "--kubeconfig", fixture.KubeconfigPath, "--timeout", "30");

    private static string AppFile(string app) => Path.Combine(Apps, $"{app}.yaml");

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
