using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Yaml;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Testing.Clusters;
using Xunit;

namespace ServerlessDeploy.Testing.Rollouts;

/// <summary>
/// One canary Rollout <c>web</c> with Services <c>web-canary</c> / <c>web-stable</c> in a namespace of its own, applied
/// as the sync applies it, and driven with <see cref="RolloutDriver"/> against the local API server: the setup every
/// test of a live Rollout shares (the driver's, the dashboard's panel, the CLI's reads).
/// </summary>
public sealed class RolloutBench(ClusterFixture fixture, string ns)
{
    /// <summary>Argo Rollouts' group and version, as the manifests name it.</summary>
    private const string RolloutApiVersion = "argoproj.io/v1alpha1";

    public string Namespace => ns;

    public IClusterClient Cluster { get; } = new KubernetesCluster(fixture.Client);

    public static async Task<RolloutBench> StartAsync(ClusterFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
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
        ApplyAsync(RolloutApiVersion, "Rollout", CanaryManifests.Rollout(image, steps, replicas, extra));

    public async Task ApplyAsync(string apiVersion, string kind, string yaml)
    {
        var type = (await Cluster.FindTypeAsync(apiVersion, kind, CancellationToken.None)).Type;
        Assert.NotNull(type);
        var manifest = Assert.IsType<JsonObject>(YamlReader.ReadAll(yaml, "test").Single());
        Assert.IsType<JsonObject>(manifest["metadata"])["namespace"] = ns;
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

    public async Task<JsonObject> RolloutAsync() => await GetAsync(RolloutApiVersion, "Rollout", "web");

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

    /// <summary>
    /// Pods of the ReplicaSet of a hash, as its controller would make them (the local API server makes none): labelled and
    /// owned as the ReplicaSet's, Ready unless asked otherwise. Returns their names.
    /// </summary>
    public async Task<List<string>> CreatePodsAsync(string hash, int count, bool ready = true)
    {
        var rs = await GetAsync("apps/v1", "ReplicaSet", $"web-{hash}");
        var type = await TypeAsync("v1", "Pod");
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"web-{hash}-{Guid.NewGuid().ToString("N")[..5]}";
            var pod = Assert.IsType<JsonObject>(JsonNode.Parse($$$"""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","labels":{"app":"web","rollouts-pod-template-hash":"{{{hash}}}"},
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-{{{hash}}}","uid":"{{{rs["metadata"]?["uid"]}}}","controller":true}]},
                 "spec":{"containers":[{"name":"web","image":"nginx"}]}}
                """));
            var created = await Cluster.CreateAsync(type, pod, dryRun: false, validate: true, CancellationToken.None);
            Assert.True(created.Succeeded, created.ToString());
            names.Add(name);
            if (ready)
            {
                await MarkReadyAsync(name);
            }
        }

        return names;
    }

    /// <summary>The pod Running and Ready, as the kubelet reports it.</summary>
    public async Task MarkReadyAsync(string pod)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var status = Assert.IsType<JsonObject>(JsonNode.Parse($$$"""{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"{{{now}}}"}]}}"""));
        var patched = await Cluster.MergePatchAsync(await TypeAsync("v1", "Pod"), ns, pod, status, "kubelet", "status", CancellationToken.None);
        Assert.True(patched.Succeeded, patched.ToString());
    }

    /// <summary>The names of the pods in the namespace, sorted.</summary>
    public async Task<List<string>> PodsAsync()
    {
        var listed = await Cluster.ListAsync(await TypeAsync("v1", "Pod"), ns, null, CancellationToken.None);
        Assert.True(listed.Succeeded, listed.ToString());
        return [.. (listed.Body?["items"] as JsonArray ?? []).Select(pod => pod?["metadata"]?["name"]?.ToString() ?? "").Order(StringComparer.Ordinal)];
    }

    /// <summary>`kubectl argo rollouts restart web [--in]` as the actor sends it, once the clock is past the second the pods were created in.</summary>
    public async Task<string> RestartAsync(TimeSpan restartIn = default)
    {
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() == second)
        {
            await Task.Delay(50);
        }

        var acted = await new RolloutActor(Cluster, TimeProvider.System).ActAsync(ns, "web", RolloutVerb.Restart, restartIn, CancellationToken.None);
        Assert.Equal(RolloutActionOutcome.Applied, acted.Outcome);
        return (await RolloutAsync())["spec"]?["restartAt"]?.ToString() ?? "";
    }

    private async Task<ClusterResourceType> TypeAsync(string apiVersion, string kind)
    {
        var type = (await Cluster.FindTypeAsync(apiVersion, kind, CancellationToken.None)).Type;
        Assert.NotNull(type);
        return type;
    }

    public async Task<string> SelectorHashAsync(string service) =>
        (await GetAsync("v1", "Service", service))["spec"]?["selector"]?["rollouts-pod-template-hash"]?.ToString() ?? "";
}
