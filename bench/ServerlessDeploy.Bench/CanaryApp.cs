using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Bench;

/// <summary>
/// The rollout benchmark's app: Rollout <c>web</c> of 20 replicas whose canary takes four steps (20 %, a timed pause,
/// 60 %, an indefinite pause), with its canary and stable Services, applied as the sync applies (server-side apply).
/// </summary>
internal sealed class CanaryApp(IClusterClient cluster)
{
    public const string Namespace = "bench";
    public const string Name = "web";
    private const int Replicas = 20;
    private const string Steps = "[{setWeight: 20}, {pause: {duration: 10s}}, {setWeight: 60}, {pause: {}}]";

    /// <summary>The Rollout kind (the cluster serves none of its own), the namespace and the two Services.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        await ApplyAsync(RolloutDefinition.Create().ToJsonString(), cancellationToken);
        await ApplyAsync($"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {Namespace}}}\n", cancellationToken);
        foreach (var service in new[] { "web-canary", "web-stable" })
        {
            await ApplyAsync($"apiVersion: v1\nkind: Service\nmetadata: {{name: {service}, namespace: {Namespace}}}\nspec: {{selector: {{app: web}}, ports: [{{port: 80}}]}}\n", cancellationToken);
        }
    }

    public Task ApplyRolloutAsync(string image, CancellationToken cancellationToken) => ApplyAsync($$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: {{Name}}, namespace: {{Namespace}}}
        spec:
          replicas: {{Replicas}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers: [{name: web, image: "{{image}}"}]
          strategy:
            canary:
              canaryService: web-canary
              stableService: web-stable
              steps: {{Steps}}
        """, cancellationToken);

    /// <summary>A person's promotion at the indefinite pause, as `kubectl argo rollouts promote` sends it.</summary>
    public async Task PromoteAsync(CancellationToken cancellationToken)
    {
        var type = await TypeAsync("argoproj.io/v1alpha1", "Rollout", cancellationToken);
        var patched = await cluster.MergePatchAsync(
            type, Namespace, Name, new JsonObject { ["status"] = new JsonObject { ["pauseConditions"] = null } }, "kubectl-argo-rollouts", "status", cancellationToken);
        if (!patched.Succeeded)
        {
            throw new InvalidOperationException($"promotion of {Namespace}/{Name} failed: {patched}");
        }
    }

    private async Task ApplyAsync(string yaml, CancellationToken cancellationToken)
    {
        foreach (var manifest in YamlReader.ReadAll(yaml, "rollout benchmark").OfType<JsonObject>())
        {
            var type = await TypeAsync(manifest["apiVersion"]?.ToString() ?? "", manifest["kind"]?.ToString() ?? "", cancellationToken);
            var applied = await cluster.ApplyAsync(type, manifest, new ApplyOptions(), cancellationToken);
            if (!applied.Succeeded)
            {
                throw new InvalidOperationException($"apply of {manifest["kind"]} {manifest["metadata"]?["name"]} failed: {applied}");
            }
        }
    }

    private async Task<ClusterResourceType> TypeAsync(string apiVersion, string kind, CancellationToken cancellationToken) =>
        (await cluster.FindTypeAsync(apiVersion, kind, cancellationToken)).Type
        ?? throw new InvalidOperationException($"the cluster serves no {apiVersion} {kind}");
}
