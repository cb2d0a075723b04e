using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>What is in sync is not applied again (ApplyAll forces it); what only the API server's defaults change is not drift.</summary>
public sealed class InSyncTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly string[] Resources = ["serviceaccounts", "secrets", "configmaps", "services"];

    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task A_second_sync_of_an_unchanged_app_writes_nothing()
    {
        var app = TestApps.Create(TestApps.UniqueName("no-op"), "in-sync");
        await _deployer.SyncOkAsync(app);
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncOkAsync(app);

        Assert.Equal(0, requests.Count("apply"));
        Assert.Equal(0, requests.Writes);
        Assert.DoesNotContain(result.Resources, r => r.Action is "created" or "configured");
    }

    [Fact]
    public async Task ApplyAll_applies_resources_that_are_already_in_sync()
    {
        var app = TestApps.Create(TestApps.UniqueName("apply-all"), "in-sync");
        await _deployer.SyncOkAsync(app);
        var requests = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app, new SyncRequest(ApplyAll: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.Equal(4, requests.Count("apply"));
        Assert.All(Resources, resource => Assert.Equal(1, requests.Count("apply", resource)));
    }

    [Fact]
    public async Task A_difference_only_in_what_the_API_server_defaults_is_not_drift()
    {
        var app = TestApps.Create(TestApps.UniqueName("defaults"), "defaults");
        await _deployer.SyncOkAsync(app);
        var requests = new RequestsSince(fixture.Server);

        var comparison = await _deployer.CompareAsync(app);

        Assert.True(comparison.InSync, string.Join("\n", comparison.Diffs.Select(d => d.Text)));
        // Client-side, the empty binaryData the server dropped looks like drift; the server-side dry run clears it.
        var settings = comparison.Desired.Single(m => m.Name == "settings");
        Assert.Equal(SyncStatus.OutOfSync, Differ.Compare(settings, comparison.Live[settings.Key], []).Status);
        Assert.True(requests.Count("apply", "configmaps", dryRun: true) >= 1);
        Assert.Equal(0, requests.Writes);
    }
}
