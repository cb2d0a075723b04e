using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>A list or discovery the API server fails is a value: the comparison's one error, marked unreadable, and a sync that changes nothing.</summary>
public sealed class UnreadableClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_failed_list_is_the_comparison_error_not_an_exception()
    {
        fixture.Server.Faults.Set([FaultRule.Parse("kind=500,verb=list,resource=configmaps")]);
        try
        {
            var comparison = await _deployer.CompareAsync(TestApps.Create(TestApps.UniqueName("unreadable"), "in-sync"));

            Assert.NotNull(comparison.Unreadable);
            Assert.StartsWith("listing configmaps failed: ", comparison.Unreadable, StringComparison.Ordinal);
            Assert.Equal([comparison.Unreadable], comparison.Errors);
            Assert.Empty(comparison.Diffs);
        }
        finally
        {
            fixture.Server.Faults.Set([]);
        }
    }

    [Fact]
    public async Task A_sync_against_a_failed_list_changes_nothing_and_says_why()
    {
        var app = TestApps.Create(TestApps.UniqueName("unreadable"), "in-sync");
        fixture.Server.Faults.Set([FaultRule.Parse("kind=500,verb=list,resource=configmaps")]);
        try
        {
            var result = await _deployer.SyncAsync(app);

            Assert.False(result.Succeeded);
            Assert.NotNull(result.Unreadable);
            Assert.StartsWith("listing configmaps failed: ", result.Unreadable, StringComparison.Ordinal);
            Assert.Equal($"{result.Unreadable} (nothing was changed)", result.Message);
            Assert.Empty(result.Resources);
        }
        finally
        {
            fixture.Server.Faults.Set([]);
        }
    }

    [Fact]
    public async Task A_sync_against_failed_discovery_writes_nothing_and_says_why()
    {
        var app = TestApps.Create(TestApps.UniqueName("undiscovered"), "in-sync");
        fixture.Server.Faults.Set([FaultRule.Parse("kind=500,verb=get,resource=discovery")]);
        try
        {
            var requests = new RequestsSince(fixture.Server);
            var result = await _deployer.SyncAsync(app);

            Assert.False(result.Succeeded);
            Assert.NotNull(result.Unreadable);
            Assert.StartsWith("discovery of /api failed: ", result.Unreadable, StringComparison.Ordinal);
            Assert.Equal($"{result.Unreadable} (nothing was changed)", result.Message);
            Assert.Empty(result.Resources);
            Assert.Equal(0, requests.Writes);
        }
        finally
        {
            fixture.Server.Faults.Set([]);
        }
    }
}
