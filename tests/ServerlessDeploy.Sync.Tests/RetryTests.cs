using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>A server that throttles half the applies (429 with Retry-After): the sync retries and succeeds.</summary>
public sealed class RetryTests(ThrottlingClusterFixture fixture) : IClassFixture<ThrottlingClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_sync_succeeds_when_half_the_applies_are_throttled()
    {
        var app = TestApps.Create(TestApps.UniqueName("throttled"), "in-sync");
        var requests = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app);

        // One apply each for the namespace and the four resources, and more for the ones the server turned away.
        Assert.True(requests.Count("apply") > 5, $"no apply was throttled ({requests.Count("apply")} applies)");
        Assert.Equal("hello", (await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", app.Name)).Data["GREETING"]);
    }
}
