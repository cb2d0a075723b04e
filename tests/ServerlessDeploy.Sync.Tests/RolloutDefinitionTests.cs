using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// Our Rollout definition, applied through the cluster adapter, serves Rollouts at once with what the Argo Rollouts
/// kubectl plugin relies on: the short name, a status subresource that takes the plugin's status patches (and is not
/// written by a spec update), and fields kept as written. (The local API server draws tables with name and age only,
/// and serves no scale subresource for custom kinds, so Argo's printer columns and scale are checked as data.)
/// </summary>
public sealed class RolloutDefinitionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Rollout = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          replicas: 4
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx:1.27}]}
          strategy:
            canary: {steps: [{setWeight: 25}, {pause: {}}], futureField: kept}
        """;

    [Fact]
    public async Task Rollouts_are_served_with_Argos_short_name_status_subresource_and_every_field_kept()
    {
        var ns = ClusterFixture.UniqueName("ro");
        var cluster = fixture.Cluster();
        var crdType = (await cluster.FindTypeAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", CancellationToken.None)).Type;
        Assert.NotNull(crdType);
        var applied = await cluster.ApplyAsync(crdType, RolloutDefinition.Create(), new ApplyOptions(), CancellationToken.None);
        Assert.True(applied.Succeeded, applied.Message);

        var created = await fixture.Kubectl.RunWithInputAsync($"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}}}\n---\n{Rollout.Replace("{name: web}", $"{{name: web, namespace: {ns}}}", StringComparison.Ordinal)}", "apply", "-f", "-");
        Assert.True(created.Succeeded, created.ToString());
        await fixture.Kubectl.SucceedAsync("-n", ns, "patch", "rollout", "web", "--subresource=status", "--type=merge",
            "-p", """{"status":{"replicas":4,"updatedReplicas":1,"availableReplicas":3,"HPAReplicas":4,"selector":"app=web","phase":"Paused","pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-12-06T09:00:00Z"}]}}""");
        await fixture.Kubectl.SucceedAsync("-n", ns, "patch", "rollout", "web", "--type=merge", "-p", """{"spec":{"paused":true},"status":{"phase":"Healthy"}}""");

        var read = await fixture.Kubectl.SucceedAsync("-n", ns, "get", "ro", "web", "-o", "jsonpath={.status.phase} {.status.updatedReplicas} {.spec.paused} {.spec.strategy.canary.futureField}");

        Assert.Equal("Paused 1 true kept", read.Trim());
        var definition = RolloutDefinition.Create();
        Assert.Equal(["Desired", "Current", "Up-to-date", "Available", "Age"], definition["spec"]!["versions"]![0]!["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.ToString()));
    }
}
