using k8s.Models;
using System.Text.Json.Nodes;
using k8s;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.CustomResources;

/// <summary>The scale subresource of a custom resource whose CRD declares subresources.scale, read and written at the CRD's paths.</summary>
public sealed class CustomScaleTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Fact]
    public async Task The_scale_subresource_is_in_discovery_and_the_OpenAPI_document()
    {
        var (group, _) = await Rollouts.CreateAsync(cluster);

        var resources = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "--raw", $"/apis/{group}/{Rollouts.Version}"))!;
        var openApi = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "--raw", $"/openapi/v3/apis/{group}/{Rollouts.Version}"))!;

        var scale = Assert.Single(resources["resources"]!.AsArray(), r => (string?)r!["name"] == $"{Rollouts.Plural}/scale")!;
        Assert.Equal(("Scale", "autoscaling", "v1"), ((string?)scale["kind"], (string?)scale["group"], (string?)scale["version"]));
        Assert.NotNull(openApi["paths"]![$"/apis/{group}/{Rollouts.Version}/namespaces/{{namespace}}/{Rollouts.Plural}/{{name}}/scale"]);
    }

    [Fact]
    public async Task Get_raw_scale_reads_the_counts_and_selector_at_the_CRDs_paths()
    {
        var (group, ns) = await Rollouts.CreateAsync(cluster);
        var path = $"/apis/{group}/{Rollouts.Version}/namespaces/{ns}/{Rollouts.Plural}/web/scale";

        var before = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "--raw", path))!;
        await Rollouts.SetStatusAsync(cluster, group, ns, """{"replicas":5,"HPAReplicas":2,"selector":"app=web"}""");
        var after = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "--raw", path))!;

        Assert.Equal(("autoscaling/v1", "Scale", "web", ns), ((string?)before["apiVersion"], (string?)before["kind"], (string?)before["metadata"]!["name"], (string?)before["metadata"]!["namespace"]));
        Assert.Equal("""{"replicas":2}""", before["spec"]!.ToJsonString());
        Assert.Equal("""{"replicas":0}""", before["status"]!.ToJsonString());
        Assert.Equal("""{"replicas":2,"selector":"app=web"}""", after["status"]!.ToJsonString());
    }

    [Fact]
    public async Task Kubectl_scale_writes_spec_replicas_as_a_new_generation()
    {
        var (group, ns) = await Rollouts.CreateAsync(cluster);

        var output = await cluster.Kubectl.SucceedAsync("scale", $"rollouts.{group}", "web", "--replicas=3", "-n", ns);

        Assert.Equal($"rollout.{group}/web scaled", output.Trim());
        var web = await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<AnyObject>(group, Rollouts.Version, ns, Rollouts.Plural, "web");
        Assert.Equal((3, 2L), (web.Fields["spec"].GetProperty("replicas").GetInt32(), web.Generation() ?? 0));
        Assert.Equal("web:1.0", web.Fields["spec"].GetProperty("image").GetString());
    }

    [Fact]
    public async Task A_negative_count_is_refused()
    {
        var (group, ns) = await Rollouts.CreateAsync(cluster);

        var refused = await cluster.Kubectl.RunAsync("patch", $"rollouts.{group}", "web", "--subresource=scale", "--type=merge", "-p", """{"spec":{"replicas":-1}}""", "-n", ns);

        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains("must be greater than or equal to 0", refused.Error, StringComparison.Ordinal);
    }
}
