using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Tests.Patching;

/// <summary>The real kubectl against an in-process server: client-side apply, patch and diff all send strategic merge patches.</summary>
public sealed class KubectlStrategicPatchTests : IAsyncLifetime
{
    private const string Namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: smp
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("smp-kubectl-").FullName;
    private LocalApiServer? _server;
    private Testing.Tools.Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalApiServer.StartAsync(new LocalClusterOptions());
        var kubeconfig = Path.Combine(_work, "kubeconfig");
        await _server.WriteKubeconfigAsync(kubeconfig);
        _kubectl = new Testing.Tools.Kubectl(kubeconfig, Path.Combine(_work, "kube-cache"));
        await Succeeds("apply", "-f", Manifest("namespace.yaml", Namespace));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Reapply_removes_an_env_var_and_adds_a_container()
    {
        await Succeeds("apply", "-f", Manifest("v1.yaml", Web(TwoContainers)));

        var output = await Succeeds("apply", "-f", Manifest("v2.yaml", Web(DebugRemovedLoggerAdded, strategy: "type: Recreate")));

        Assert.Contains("deployment.apps/web configured", output, StringComparison.Ordinal);
        var live = await LiveAsync();
        Assert.Equal("""[{"env":[{"name":"MODE","value":"prod"}],"image":"nginx:1.27","name":"app"},{"args":["sleep","3600"],"image":"busybox:1.36","name":"sidecar"},{"image":"fluent-bit:3.1","name":"logger"}]""", live["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString());
        Assert.Equal("""{"type":"Recreate"}""", live["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public async Task Strategic_patch_merges_containers_by_name_and_refuses_an_unknown_directive()
    {
        await Succeeds("apply", "-f", Manifest("v1.yaml", Web(TwoContainers)));

        await Succeeds("patch", "deployment", "web", "-n", "smp", "--type=strategic", "-p",
            """{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"DEBUG","$patch":"delete"}]},{"name":"sidecar","image":"busybox:1.37"}]}}}}""");
        var bad = await _kubectl.RunAsync("patch", "deployment", "web", "-n", "smp", "--type=strategic", "-p", """{"metadata":{"labels":{"$patch":"merge"}}}""");

        var containers = (await LiveAsync())["spec"]!["template"]!["spec"]!["containers"]!;
        Assert.Equal("""[{"name":"MODE","value":"prod"}]""", containers[0]!["env"]!.ToJsonString());
        Assert.Equal(("sidecar", "busybox:1.37"), (containers[1]!["name"]!.GetValue<string>(), containers[1]!["image"]!.GetValue<string>()));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Error from server (BadRequest): unknown patch type: merge", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_shows_the_change_without_storing_it_and_is_clean_after_apply()
    {
        await Succeeds("apply", "-f", Manifest("v1.yaml", Web(TwoContainers)));
        var changed = Manifest("v2.yaml", Web(TwoContainers.Replace("nginx:1.27", "nginx:1.28", StringComparison.Ordinal)));
        var before = await LiveAsync();

        var diff = await _kubectl.RunAsync("diff", "-f", changed);
        var afterDiff = await LiveAsync();
        await Succeeds("apply", "-f", changed);
        var clean = await _kubectl.RunAsync("diff", "-f", changed);

        Assert.True(diff.ExitCode == 1, $"kubectl diff exited {diff.ExitCode}: {diff.Error}");
        Assert.Contains("-        image: nginx:1.27", diff.Output, StringComparison.Ordinal);
        Assert.Contains("+        image: nginx:1.28", diff.Output, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, afterDiff), "the dry-run patch of kubectl diff changed the stored object");
        Assert.True(clean.ExitCode == 0, $"kubectl diff after apply exited {clean.ExitCode}: {clean.Output}{clean.Error}");
    }

    private async Task<JsonObject> LiveAsync() =>
        JsonNode.Parse(await Succeeds("get", "deployment", "web", "-n", "smp", "-o", "json"))!.AsObject();

    private async Task<string> Succeeds(params string[] arguments)
    {
        var result = await _kubectl.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Error}");
        return result.Output;
    }

    /// <summary>Writes <paramref name="yaml"/> to a file in the work directory and returns its path, for "-f".</summary>
    private string Manifest(string name, string yaml)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Web(string containers, string strategy = "type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: smp
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          strategy:
            {strategy}
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
        {containers}
        """;

    // The containers of the web Deployment, indented for its template.
    private const string TwoContainers = """
              - name: app
                image: nginx:1.27
                env:
                - name: MODE
                  value: prod
                - name: DEBUG
                  value: "false"
              - name: sidecar
                image: busybox:1.36
                args: ["sleep", "3600"]
        """;

    private const string DebugRemovedLoggerAdded = """
              - name: app
                image: nginx:1.27
                env:
                - name: MODE
                  value: prod
              - name: sidecar
                image: busybox:1.36
                args: ["sleep", "3600"]
              - name: logger
                image: fluent-bit:3.1
        """;
}
