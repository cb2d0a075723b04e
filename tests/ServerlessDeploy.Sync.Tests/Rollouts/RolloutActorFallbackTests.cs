using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// A cluster whose Rollout CRD serves no status subresource (as Argo Rollouts v0.9's did): the status patch is not
/// found, and the verb falls back, as the kubectl plugin does, to one patch of the object.
/// </summary>
public sealed class RolloutActorFallbackTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Without_the_status_subresource_abort_patches_the_object_itself()
    {
        var cluster = fixture.Cluster();
        var definition = RolloutDefinition.Create();
        definition["spec"]!["versions"]![0]!.AsObject().Remove("subresources");
        await ApplyAsync(cluster, "apiextensions.k8s.io/v1", "CustomResourceDefinition", definition);
        var ns = await fixture.CreateNamespaceAsync("ro-v09");
        await ApplyAsync(cluster, RolloutTypes.ApiVersion, RolloutTypes.Kind, Rollout(ns));

        var acted = await new RolloutActor(cluster, TimeProvider.System).ActAsync(ns, "web", RolloutVerb.Abort, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(RolloutActionOutcome.Applied, acted.Outcome);
        Assert.Equal(new RolloutPatchSent(false, """{"status":{"abort":true}}"""), Assert.Single(acted.Sent));
        var type = (await cluster.FindTypeAsync(RolloutTypes.ApiVersion, RolloutTypes.Kind, CancellationToken.None)).Type;
        Assert.NotNull(type);
        var rollout = await cluster.GetAsync(type, ns, "web", CancellationToken.None);
        Assert.True(rollout.Body?["status"]?["abort"]?.GetValue<bool>());
    }

    private static async Task ApplyAsync(KubernetesCluster cluster, string apiVersion, string kind, JsonObject manifest)
    {
        var type = (await cluster.FindTypeAsync(apiVersion, kind, CancellationToken.None)).Type;
        Assert.NotNull(type);
        var applied = await cluster.ApplyAsync(type, manifest, new ApplyOptions(), CancellationToken.None);
        Assert.True(applied.Succeeded, applied.ToString());
    }

    private static JsonObject Rollout(string ns)
    {
        var rollout = JsonNode.Parse("""
            {"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"web"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}},
                     "strategy":{"canary":{"steps":[{"setWeight":50},{"pause":{}}]}}}}
            """)!.AsObject();
        rollout["metadata"]!["namespace"] = ns;
        return rollout;
    }
}
