using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

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
        Assert.DoesNotContain(result.Resources, r => r.Action is ResourceAction.Created or ResourceAction.Configured);
    }

    [Fact]
    public async Task What_a_sync_leaves_in_sync_is_given_apart_with_its_health_so_the_app_keeps_every_resource()
    {
        var app = TestApps.Create(TestApps.UniqueName("left"), "in-sync");
        await _deployer.SyncOkAsync(app);

        var result = await _deployer.SyncOkAsync(app);

        Assert.Equal(["ConfigMap/settings", "Secret/creds", "Service/web", "ServiceAccount/runner"], result.LeftInSync.Select(r => $"{r.Key.Kind}/{r.Key.Name}").Order(StringComparer.Ordinal));
        Assert.All(result.LeftInSync, r => Assert.Equal((ResourceAction.Unchanged, true), (r.Action, r.Succeeded)));
        Assert.Equal(HealthStatus.Healthy, result.LeftInSync.Single(r => r.Key.Kind == "Service").Health?.Status);
        Assert.Null(result.LeftInSync.Single(r => r.Key.Kind == "ConfigMap").Health);
        Assert.DoesNotContain(result.Resources, r => result.LeftInSync.Any(left => left.Key == r.Key));
    }

    [Fact]
    public async Task A_first_sync_neither_dry_runs_missing_resources_nor_lists_again_for_the_final_health()
    {
        var app = TestApps.Create(TestApps.UniqueName("first"), "in-sync");
        var requests = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app);

        // A missing resource is out of sync without asking the server.
        Assert.Equal(0, requests.Count("apply", dryRun: true));
        // Services: the comparison's list, the labelled list of what the app tracks, and the wave's health wait after
        // the apply; the final health reuses the wait's list, read after the sync's last write.
        Assert.Equal(3, requests.Count("list", "services"));
    }

    [Fact]
    public async Task A_no_op_sync_assesses_health_from_the_lists_it_compared_with()
    {
        var app = TestApps.Create(TestApps.UniqueName("no-op-health"), "in-sync");
        await _deployer.SyncOkAsync(app);
        var requests = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app);

        // The comparison's list and the labelled list only: nothing was written, so neither the wave's health wait
        // nor the final health lists services again.
        Assert.Equal(2, requests.Count("list", "services"));
    }

    [Fact]
    public async Task A_sync_from_a_comparison_just_made_neither_renders_nor_lists_again()
    {
        var app = TestApps.Create(TestApps.UniqueName("compared"), "in-sync");
        await _deployer.SyncOkAsync(app);
        var comparison = await _deployer.CompareAsync(app);
        var requests = new RequestsSince(fixture.Server);

        await _deployer.SyncOkAsync(app, new SyncRequest(HealthTimeout: Deployer.HealthTimeout) { Compared = comparison });

        // The self-heal path: the drift check's comparison is the sync's; neither its list nor the labelled list is read again.
        Assert.Equal(0, requests.Count("list", "services"));
        Assert.Equal(0, requests.Writes);
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
