using System.Text.Json.Nodes;
using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Cli.Tests.Commands.Rollouts;

/// <summary>
/// A canary Rollout <c>web</c> (4 replicas; by default steps setWeight 25, pause, setWeight 50, pause 1s) and its Services in a
/// namespace of its own, applied with kubectl; `sdeploy rollouts` run against it through the fixture's kubeconfig.
/// </summary>
internal sealed class RolloutsBench(ClusterFixture fixture, string ns)
{
    public string Namespace => ns;

    public static async Task<RolloutsBench> StartAsync(ClusterFixture fixture)
    {
        await RolloutCrd.InstallAsync(fixture);
        var bench = new RolloutsBench(fixture, await fixture.CreateNamespaceAsync("ro"));
        foreach (var service in new[] { "web-canary", "web-stable" })
        {
            await ApplyAsync(fixture, bench.Namespace, CanaryManifests.Service(service));
        }

        return bench;
    }

    public const string DefaultSteps = CanaryManifests.DefaultSteps;

    public Task ApplyRolloutAsync(string image, string steps = DefaultSteps) => ApplyAsync(fixture, ns, CanaryManifests.Rollout(image, steps));

    /// <summary>`sdeploy rollouts verb args… -n ns --kubeconfig k`.</summary>
    public Task<CommandRun> RunAsync(params string[] args) => Sdeploy.RunAsync(["rollouts", .. args, "-n", ns, "--kubeconfig", fixture.KubeconfigPath]);

    public async Task<JsonObject> RolloutAsync() =>
        JsonNode.Parse(await fixture.Kubectl.SucceedAsync("-n", ns, "get", "rollout", "web", "-o", "json", "--show-managed-fields"))!.AsObject();

    /// <summary>spec.replicas of the ReplicaSet of a pod-template hash.</summary>
    public async Task<int> ReplicasAsync(string hash) =>
        int.Parse(await fixture.Kubectl.SucceedAsync("-n", ns, "get", "rs", $"web-{hash}", "-o", "jsonpath={.spec.replicas}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Applies a manifest into the bench's namespace with kubectl.</summary>
    public Task ApplyAsync(string manifest) => ApplyAsync(fixture, ns, manifest);

    private static async Task ApplyAsync(ClusterFixture fixture, string? ns, string manifest)
    {
        string[] target = ns is null ? [] : ["-n", ns];
        var applied = await fixture.Kubectl.RunWithInputAsync(manifest, [.. target, "apply", "--server-side", "--force-conflicts", "-f", "-"]);
        Assert.True(applied.Succeeded, applied.ToString());
    }
}
