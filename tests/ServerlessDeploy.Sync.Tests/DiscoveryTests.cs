using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// The adapter learns the served kinds from aggregated discovery (two requests, as kubectl) and falls back to the
/// legacy lists (one request per group version) on a server that does not answer in the aggregated form.
/// </summary>
public sealed class DiscoveryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Aggregated_discovery_learns_every_kind_in_two_requests()
    {
        var requests = new RequestsSince(fixture.Server);

        var deployments = await fixture.Cluster().FindTypeAsync("apps/v1", "Deployment", CancellationToken.None);

        Assert.Equal(new ClusterResourceType("apps", "v1", "Deployment", "deployments", true), deployments.Type);
        Assert.Equal(2, requests.Count("get", "discovery"));
    }

    [Fact]
    public async Task A_server_without_aggregated_discovery_is_read_from_the_legacy_lists_with_the_same_result()
    {
        await using var legacy = await LocalApiServer.StartAsync(new LocalClusterOptions { AggregatedDiscovery = false, SimulateControllers = false });
        using var client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = legacy.Url.ToString() });
        var requests = new RequestsSince(legacy);

        var fromLegacy = (await new ServerlessDeploy.Kubernetes.KubernetesCluster(client).ListableTypesAsync(CancellationToken.None)).Types;
        var fromAggregated = (await fixture.Cluster().ListableTypesAsync(CancellationToken.None)).Types;

        Assert.True(requests.Count("get", "discovery") > 2, "the legacy lists are one request per group version");
        Assert.Contains(new ClusterResourceType("", "v1", "ConfigMap", "configmaps", true), fromLegacy);
        Assert.Contains(new ClusterResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false), fromLegacy);
        Assert.Equal(fromAggregated.OrderBy(t => t.ToString(), StringComparer.Ordinal), fromLegacy.OrderBy(t => t.ToString(), StringComparer.Ordinal));
    }
}
