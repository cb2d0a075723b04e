using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Kubectl;

/// <summary>"kubectl scale", which finds the scale subresource through discovery and writes the Scale there.</summary>
public sealed class KubectlScaleTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Fact]
    public async Task Scale_deployment_sets_its_replicas_as_a_new_generation()
    {
        var ns = await CreateAsync("Kinds/deployment.yaml", "web");

        var output = await cluster.Kubectl.SucceedAsync("scale", "deployment/web", "--replicas=3", "-n", ns);

        Assert.Equal("deployment.apps/web scaled", output.Trim());
        var web = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", ns);
        Assert.Equal((3, 2L), (web.Spec.Replicas, web.Generation()));
        Assert.Contains(web.Metadata.ManagedFields, e => e.Subresource == "scale");
    }

    [Fact]
    public async Task Scale_statefulset_sets_its_replicas()
    {
        var ns = await CreateAsync("Kinds/statefulset.yaml", "db");

        var output = await cluster.Kubectl.SucceedAsync("scale", "statefulset", "db", "--replicas=3", "-n", ns);

        Assert.Equal("statefulset.apps/db scaled", output.Trim());
        Assert.Equal(3, (await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("db", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task Scale_with_current_replicas_reads_the_scale_first_and_writes_it_only_when_they_match()
    {
        var ns = await CreateAsync("Kinds/deployment.yaml", "web");

        var refused = await cluster.Kubectl.RunAsync("scale", "deployment/web", "--current-replicas=5", "--replicas=3", "-n", ns);
        await cluster.Kubectl.SucceedAsync("scale", "deployment/web", "--current-replicas=2", "--replicas=4", "-n", ns);

        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains("Expected replicas to be 5, was 2", refused.Error, StringComparison.Ordinal);
        Assert.Equal(4, (await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task Get_and_patch_with_subresource_scale_read_and_write_the_Scale()
    {
        var ns = await CreateAsync("Kinds/deployment.yaml", "web");

        var patched = await cluster.Kubectl.SucceedAsync("patch", "deployment", "web", "--subresource=scale", "--type=merge", "-p", """{"spec":{"replicas":4}}""", "-n", ns);
        var read = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "deployment", "web", "--subresource=scale", "-n", ns, "-o", "json"))!;

        Assert.Equal("scale.autoscaling/web patched", patched.Trim());
        Assert.Equal(("Scale", 4, "app=web"), ((string?)read["kind"], (int?)read["spec"]!["replicas"], (string?)read["status"]!["selector"]));
    }

    /// <summary>kubectl create -f of a fixture in a namespace of the test's own; returns the namespace.</summary>
    private async Task<string> CreateAsync(string fixture, string name)
    {
        var ns = await cluster.CreateNamespaceAsync();
        var created = await cluster.Kubectl.RunWithInputAsync(Manifests.Read(fixture, name), "create", "-f", "-", "-n", ns);
        Assert.True(created.Succeeded, created.ToString());
        return ns;
    }
}
