using k8s;
using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>A user's run: keys removed from Git make `sdeploy app diff` exit 1 showing them go, and 0 once synced.</summary>
public sealed class RemovalCommandTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <summary>The sync tests' removals-cm fixture (settings.yaml before and after the removal), copied beside these tests.</summary>
    private static readonly string RemovalsFixture = Path.Combine(AppContext.BaseDirectory, "Commands", "testdata", "removals-cm");

    [Fact]
    public async Task Diff_exits_1_after_a_commit_that_removes_keys_and_0_after_the_sync_removed_them()
    {
        var name = ClusterFixture.UniqueName("cli-removal");
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Folder, name)).FullName;
        var source = Directory.CreateDirectory(Path.Combine(folder, "workloads", "settings")).FullName;
        var app = Path.Combine(folder, "app.yaml");
        await File.WriteAllTextAsync(app, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {name}
            spec:
              project: default
              source:
                repoURL: workloads
                path: settings
              destination:
                server: https://kubernetes.default.svc
                namespace: {name}
              syncPolicy:
                syncOptions:
                  - CreateNamespace=true
            """);
        File.Copy(Path.Combine(RemovalsFixture, "v1", "settings.yaml"), Path.Combine(source, "settings.yaml"));
        Assert.Equal(0, (await SdeployAsync("sync", app)).Exit);

        File.Copy(Path.Combine(RemovalsFixture, "v2", "settings.yaml"), Path.Combine(source, "settings.yaml"), overwrite: true);
        var before = await SdeployAsync("diff", app);
        var sync = await SdeployAsync("sync", app);
        var after = await SdeployAsync("diff", app);

        Assert.True(before.Exit == 1, before.ToString());
        Assert.Contains("-  b: \"2\"", before.Output, StringComparison.Ordinal);
        Assert.Contains("-    note: temporary", before.Output, StringComparison.Ordinal);
        Assert.True(sync.Exit == 0, sync.ToString());
        Assert.True(after.Exit == 0, after.ToString());
        var live = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", name);
        Assert.Equal(["a"], live.Data.Keys);
    }

    private Task<CommandRun> SdeployAsync(string verb, string app) =>
        verb == "sync"
            ? Sdeploy.RunAsync("app", verb, app, "--kubeconfig", fixture.KubeconfigPath, "--timeout", "60")
            : Sdeploy.RunAsync("app", verb, app, "--kubeconfig", fixture.KubeconfigPath);
}
