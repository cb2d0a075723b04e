using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Yaml;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// One canary Rollout <c>web</c> with Services <c>web-canary</c> / <c>web-stable</c> in a namespace of its own, applied
/// as the sync applies it, and driven with <see cref="RolloutDriver"/> against the local API server.
/// </summary>
internal sealed class RolloutBench(ClusterFixture fixture, string ns)
{

    public string Namespace => ns;

    public IClusterClient Cluster { get; } = fixture.Cluster();

    public static async Task<RolloutBench> StartAsync(ClusterFixture fixture)
    {
        await RolloutCrd.InstallAsync(fixture);
        var bench = new RolloutBench(fixture, await fixture.CreateNamespaceAsync("ro"));
        foreach (var service in new[] { "web-canary", "web-stable" })
        {
            await bench.ApplyAsync("v1", "Service", CanaryManifests.Service(service));
        }

        return bench;
    }

    /// <summary>Applies the Rollout as the sync does (server-side apply as serverless-deploy).</summary>
    public Task ApplyRolloutAsync(string image, string steps = CanaryManifests.DefaultSteps, int replicas = 4, string extra = "") =>
        ApplyAsync(RolloutTypes.ApiVersion, RolloutTypes.Kind, CanaryManifests.Rollout(image, steps, replicas, extra));

    public async Task ApplyAsync(string apiVersion, string kind, string yaml)
    {
        var type = (await Cluster.FindTypeAsync(apiVersion, kind, CancellationToken.None)).Type;
        Assert.NotNull(type);
        var manifest = Assert.IsType<JsonObject>(YamlReader.ReadAll(yaml, "test").Single());
        manifest["metadata"]!["namespace"] = ns;
        var applied = await Cluster.ApplyAsync(type, manifest, new ApplyOptions(), CancellationToken.None);
        Assert.True(applied.Succeeded, applied.ToString());
    }

    public Task<RolloutDriveResult> DriveAsync(TimeSpan? within = null) =>
        new RolloutDriver(Cluster, TimeProvider.System).DriveAsync(ns, "web", RolloutDriveLimits.Until(DateTimeOffset.UtcNow + (within ?? TimeSpan.FromMinutes(2))), CancellationToken.None);

    /// <summary>A patch as the Argo Rollouts kubectl plugin sends it, through kubectl.</summary>
    public Task<string> PatchAsync(string patch, bool status = false) =>
        fixture.Kubectl.SucceedAsync(status
            ? ["-n", ns, "patch", "rollout", "web", "--subresource=status", "--type=merge", "-p", patch]
            : ["-n", ns, "patch", "rollout", "web", "--type=merge", "-p", patch]);

    /// <summary>The Rollout first deployed with this image and driven to full: its stable pod-template hash.</summary>
    public async Task<string> DeployedAsync(string image, string extra = "")
    {
        await ApplyRolloutAsync(image, extra: extra);
        await DriveAsync();
        return await StatusAsync("stableRS");
    }

    /// <summary>One field of the Rollout's status as text; empty when unset.</summary>
    public async Task<string> StatusAsync(string field) => (await RolloutAsync())["status"]?[field]?.ToString() ?? "";

    public async Task<JsonObject> RolloutAsync() => await GetAsync(RolloutTypes.ApiVersion, RolloutTypes.Kind, "web");

    public async Task<JsonObject> GetAsync(string apiVersion, string kind, string name)
    {
        var type = (await Cluster.FindTypeAsync(apiVersion, kind, CancellationToken.None)).Type;
        Assert.NotNull(type);
        var got = await Cluster.GetAsync(type, ns, name, CancellationToken.None);
        Assert.True(got.Succeeded, got.ToString());
        return Assert.IsType<JsonObject>(got.Body);
    }

    /// <summary>Each ReplicaSet of the Rollout by its pod-template hash: spec.replicas and its image.</summary>
    public async Task<Dictionary<string, (int Replicas, string Image)>> ReplicaSetsAsync()
    {
        var type = (await Cluster.FindTypeAsync("apps/v1", "ReplicaSet", CancellationToken.None)).Type;
        Assert.NotNull(type);
        var listed = await Cluster.ListAsync(type, ns, null, CancellationToken.None);
        return (listed.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(
            rs => rs["metadata"]?["labels"]?["rollouts-pod-template-hash"]?.ToString() ?? "",
            rs => (rs["spec"]?["replicas"]?.GetValue<int>() ?? 0, rs["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"]?.ToString() ?? ""));
    }

    public async Task<string> SelectorHashAsync(string service) =>
        (await GetAsync("v1", "Service", service))["spec"]?["selector"]?["rollouts-pod-template-hash"]?.ToString() ?? "";
}
