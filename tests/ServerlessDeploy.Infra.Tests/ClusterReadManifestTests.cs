using System.Text.Json;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Testing;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// The read rule an admin applies: kubectl applies it to an API server as it is, it binds the group the access entry
/// names, and it may only read.
/// </summary>
public sealed class ClusterReadManifestTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly string Manifest = Path.Combine(RepositoryRoot.Find(), ClusterReadAccess.ManifestPath);

    [Fact]
    public async Task Kubectl_applies_the_manifest_which_binds_the_access_entrys_group_to_a_read_only_role()
    {
        await cluster.Kubectl.SucceedAsync("apply", "-f", Manifest);

        using var binding = JsonDocument.Parse(await cluster.Kubectl.SucceedAsync("get", "clusterrolebinding", "serverless-deploy-read", "-o", "json"));
        var subject = Assert.Single(binding.RootElement.GetProperty("subjects").EnumerateArray());
        Assert.Equal(("Group", ClusterReadAccess.ReadersGroup), (subject.GetProperty("kind").GetString(), subject.GetProperty("name").GetString()));
        var roleRef = binding.RootElement.GetProperty("roleRef");
        Assert.Equal(("ClusterRole", "serverless-deploy-read"), (roleRef.GetProperty("kind").GetString(), roleRef.GetProperty("name").GetString()));

        using var role = JsonDocument.Parse(await cluster.Kubectl.SucceedAsync("get", "clusterrole", "serverless-deploy-read", "-o", "json"));
        var verbs = role.RootElement.GetProperty("rules").EnumerateArray().SelectMany(r => r.GetProperty("verbs").EnumerateArray()).Select(v => v.GetString()).ToHashSet();
        Assert.Equal(["get", "list", "watch"], verbs.Order(StringComparer.Ordinal));
    }
}
