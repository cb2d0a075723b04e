using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// Our Rollout definition, applied through the cluster adapter, serves Rollouts at once with what the Argo Rollouts
/// kubectl plugin and `kubectl get rollout` rely on: the short name, Argo's printer columns, the scale subresource (an
/// HPA's view), a status subresource that takes the plugin's status patches (and is not written by a spec update), and
/// fields kept as written.
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
    public async Task Rollouts_are_served_with_Argos_names_columns_subresources_and_every_field_kept()
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

        var table = await fixture.Kubectl.SucceedAsync("-n", ns, "get", "rollout", "web");
        var scale = await fixture.Kubectl.SucceedAsync("-n", ns, "get", "--raw", $"/apis/argoproj.io/v1alpha1/namespaces/{ns}/rollouts/web/scale");

        Assert.Equal("Paused 1 true kept", read.Trim());
        Assert.Matches(@"^NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s*\n", table);
        Assert.Matches(@"\nweb\s+4\s+4\s+1\s+3\s+\S+", table);
        Assert.Contains("\"selector\":\"app=web\"", scale.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
