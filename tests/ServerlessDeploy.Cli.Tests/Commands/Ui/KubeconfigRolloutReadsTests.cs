using System.Text.Json.Nodes;
using ServerlessDeploy.Cli.Commands.Ui;
using ServerlessDeploy.Dashboard.Rollouts;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Cli.Tests.Commands.Ui;

public sealed class KubeconfigRolloutReadsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task A_Rollout_is_read_live_from_the_cluster_the_Applications_destination_names()
    {
        var bench = await RolloutBench.StartAsync(fixture);
        await bench.ApplyRolloutAsync("nginx:1.27");
        await bench.DriveAsync();
        var ns = bench.Namespace;

        var reading = Assert.Single(await new KubeconfigRolloutReads(fixture.KubeconfigPath, new DiscoveryCache(TimeProvider.System)).ReadAsync(Application("https://kubernetes.default.svc", ns), [new RolloutName(ns, "web")], Token));

        Assert.Null(reading.Problem);
        Assert.Equal(("web", ns, "Healthy"), (reading.Info?.Name, reading.Info?.Namespace, reading.Info?.Phase));
        Assert.Contains(reading.Info?.ReplicaSets ?? [], set => set.Stable);
    }

    [Fact]
    public async Task A_destination_the_kubeconfig_does_not_know_is_named_for_each_Rollout()
    {
        var readings = await new KubeconfigRolloutReads(fixture.KubeconfigPath, new DiscoveryCache(TimeProvider.System)).ReadAsync(Application("https://eks.example:443", "shop"), [new RolloutName("shop", "web"), new RolloutName("shop", "api")], Token);

        Assert.Equal(2, readings.Count);
        Assert.All(readings, reading => Assert.Contains("the app's cluster is unreachable: spec.destination: https://eks.example:443 names no context", reading.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_kubeconfig_the_reads_say_so()
    {
        var reading = Assert.Single(await new KubeconfigRolloutReads(null, new DiscoveryCache(TimeProvider.System)).ReadAsync(Application("https://kubernetes.default.svc", "shop"), [new RolloutName("shop", "web")], Token));

        Assert.Contains("without --kubeconfig", reading.Problem, StringComparison.Ordinal);
    }

    private static string Application(string server, string ns) => new JsonObject
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "argocd" },
        ["spec"] = new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = "https://git.example/shop.git", ["path"] = "apps/web", ["targetRevision"] = "HEAD" },
            ["destination"] = new JsonObject { ["server"] = server, ["namespace"] = ns },
        },
    }.ToJsonString();
}
