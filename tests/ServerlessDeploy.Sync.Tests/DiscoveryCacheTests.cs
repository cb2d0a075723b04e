using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>
/// Discovery kept per API server for a process's connections: read once within its time to live, again after it, and
/// at once when a kind is not in it, so a CRD applied by a sync is found in that sync.
/// </summary>
public sealed class DiscoveryCacheTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Two_connections_within_the_time_to_live_read_discovery_once_and_after_it_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new DiscoveryCache(time);
        var requests = new RequestsSince(fixture.Server);

        var first = await Connect(cache, time).ListableTypesAsync(CancellationToken.None);
        time.Advance(cache.TimeToLive - TimeSpan.FromSeconds(1));
        var second = await Connect(cache, time).ListableTypesAsync(CancellationToken.None);

        Assert.Null(first.Unreadable);
        Assert.Equal(first.Types, second.Types);
        // One aggregated read: /api and /apis.
        Assert.Equal(2, requests.Count("get", "discovery"));

        time.Advance(TimeSpan.FromSeconds(1));
        await Connect(cache, time).FindTypeAsync("v1", "ConfigMap", CancellationToken.None);

        Assert.Equal(4, requests.Count("get", "discovery"));
    }

    [Fact]
    public async Task A_kind_not_in_the_cache_reads_discovery_again_at_once_and_the_other_connections_see_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new DiscoveryCache(time);
        Assert.Null((await Connect(cache, time).FindTypeAsync("example.com/v1", "Widget", CancellationToken.None)).Type);
        await InstallWidgetsAsync();
        var requests = new RequestsSince(fixture.Server);

        var found = await Connect(cache, time).FindTypeAsync("example.com/v1", "Widget", CancellationToken.None);
        var listable = await Connect(cache, time).ListableTypesAsync(CancellationToken.None);

        Assert.Equal(new ClusterResourceType("example.com", "v1", "Widget", "widgets", true), found.Type);
        Assert.Contains(found.Type, listable.Types);
        Assert.Equal(2, requests.Count("get", "discovery"));
    }

    [Fact]
    public async Task A_connection_without_a_shared_cache_reads_discovery_for_itself()
    {
        var requests = new RequestsSince(fixture.Server);

        await new KubernetesCluster(fixture.Client).ListableTypesAsync(CancellationToken.None);
        await new KubernetesCluster(fixture.Client).ListableTypesAsync(CancellationToken.None);

        Assert.Equal(4, requests.Count("get", "discovery"));
    }

    private KubernetesCluster Connect(DiscoveryCache cache, TimeProvider time) => new(fixture.Client, time, cache);

    private async Task InstallWidgetsAsync()
    {
        var cluster = new KubernetesCluster(fixture.Client);
        var crd = (await cluster.FindTypeAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", CancellationToken.None)).Type;
        Assert.NotNull(crd);
        var definition = JsonNode.Parse("""
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "widgets.example.com"},
             "spec": {"group": "example.com", "scope": "Namespaced", "names": {"plural": "widgets", "singular": "widget", "kind": "Widget"},
              "versions": [{"name": "v1", "served": true, "storage": true, "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}}
            """)?.AsObject() ?? [];
        var applied = await cluster.ApplyAsync(crd, definition, new ApplyOptions(), CancellationToken.None);
        Assert.True(applied.Succeeded, applied.ToString());
    }
}
