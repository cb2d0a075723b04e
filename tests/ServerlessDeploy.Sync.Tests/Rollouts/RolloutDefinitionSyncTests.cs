using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Tracking;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// CreateRolloutCRD: a sync of an application with Rollouts puts the project's Rollout definition in place when the
/// cluster serves none, and otherwise leaves the cluster's definition alone. The definition is cluster-wide, so each
/// test has a local API server of its own.
/// </summary>
public sealed class RolloutDefinitionSyncTests : IAsyncLifetime
{
    private const string AppPath = "rollout-crd/with-rollout";

    private readonly ClusterFixture _fixture = new();
    private readonly Deployer _deployer;

    public RolloutDefinitionSyncTests() => _deployer = new Deployer(_fixture);

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_cluster_without_the_kind_gets_the_definition_first_and_a_second_sync_writes_nothing_for_it()
    {
        var app = TestApps.Create(TestApps.UniqueName("ro-create"), AppPath);

        var first = await _deployer.SyncOkAsync(app);

        Assert.Equal(RolloutDriveEnd.Healthy, Assert.Single(first.Rollouts).End);
        Assert.Equal(ResourceAction.Created, Assert.Single(first.Resources, r => r.Key.Kind == "Rollout").Action);
        var definition = await _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name);
        Assert.Equal("serverless-deploy", Assert.Single(definition.Metadata.ManagedFields).Manager);
        Assert.Null(AppTracking.Owner(Live.Json(definition)));
        Assert.Equal("rollout.argoproj.io/web", (await _fixture.Kubectl.SucceedAsync("-n", app.Name, "get", "ro", "-o", "name")).Trim());

        var comparison = await _deployer.CompareAsync(app);
        var requests = new RequestsSince(_fixture.Server);
        var second = await _deployer.SyncOkAsync(app);

        Assert.True(comparison.InSync, string.Join("\n", comparison.Diffs.Select(d => $"{d.Key}: {d.Status} {d.Text}")));
        Assert.DoesNotContain(comparison.Diffs, d => d.Key.Kind == "CustomResourceDefinition");
        Assert.Equal(0, requests.Writes);
        Assert.Equal(definition.Metadata.ResourceVersion, (await _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name)).Metadata.ResourceVersion);
        Assert.DoesNotContain(second.Resources, r => r.Key.Kind == "CustomResourceDefinition");
    }

    [Fact]
    public async Task CreateRolloutCRD_false_fails_naming_the_kind_and_the_option_and_applies_nothing()
    {
        var app = TestApps.Create(TestApps.UniqueName("ro-off"), AppPath, TestApps.SyncOptions("CreateRolloutCRD=false"));
        var requests = new RequestsSince(_fixture.Server);

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.Contains("the cluster serves no kind Rollout in argoproj.io/v1alpha1 (CreateRolloutCRD=false", result.Message, StringComparison.Ordinal);
        Assert.EndsWith("(nothing was changed)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
        Assert.Null(await Live.FindAsync(() => _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name)));
        Assert.Null(await Live.FindAsync(() => _fixture.Client.CoreV1.ReadNamespaceAsync(app.Name)));
    }

    [Fact]
    public async Task A_definition_the_server_refuses_is_one_error_and_nothing_else_is_applied()
    {
        using var faults = await _fixture.Http.PutAsync(new Uri("/debug/faults", UriKind.Relative),
            new StringContent("""{"faults":["kind=500,verb=apply,resource=customresourcedefinitions"]}""", System.Text.Encoding.UTF8, "application/json"));
        faults.EnsureSuccessStatusCode();
        var app = TestApps.Create(TestApps.UniqueName("ro-refused"), AppPath);

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.StartsWith("creating the Rollout definition rollouts.argoproj.io failed (nothing else was applied): ", result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Resources);
        Assert.Null(await Live.FindAsync(() => _fixture.Client.CoreV1.ReadNamespaceAsync(app.Name)));
    }

    [Fact]
    public async Task A_definition_the_cluster_already_has_is_left_unchanged()
    {
        var installed = await _fixture.Kubectl.RunWithInputAsync(
            await File.ReadAllTextAsync(Path.Combine(TestApps.Repository, "rollout-crd", "argo-definition.yaml")), "apply", "--server-side", "-f", "-");
        Assert.True(installed.Succeeded, installed.ToString());
        var before = await _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name);
        var app = TestApps.Create(TestApps.UniqueName("ro-served"), AppPath);
        var requests = new RequestsSince(_fixture.Server);

        var result = await _deployer.SyncOkAsync(app);

        Assert.Equal(RolloutDriveEnd.Healthy, Assert.Single(result.Rollouts).End);
        Assert.Equal(0, requests.Count("get", "customresourcedefinitions") + requests.Count("apply", "customresourcedefinitions"));
        var after = await _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name);
        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.DoesNotContain(after.Metadata.ManagedFields, m => m.Manager == "serverless-deploy");
        Assert.NotNull(await Live.FindAsync(() => _fixture.Client.CustomObjects.GetNamespacedCustomObjectAsync("argoproj.io", "v1alpha1", app.Name, "rollouts", "web")));
    }

    [Fact]
    public async Task A_dry_run_creates_nothing_and_says_the_sync_would_create_the_definition_first()
    {
        var app = TestApps.Create(TestApps.UniqueName("ro-dry"), AppPath);
        var requests = new RequestsSince(_fixture.Server);

        var result = await _deployer.SyncAsync(app, new SyncRequest(DryRun: true, HealthTimeout: Deployer.HealthTimeout));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, requests.Writes);
        var rollout = Assert.Single(result.Resources, r => r.Key.Kind == "Rollout");
        Assert.Equal(ResourceAction.SkippedDryRun, rollout.Action);
        Assert.Contains("the sync first creates the project's Rollout definition (CreateRolloutCRD)", rollout.Message, StringComparison.Ordinal);
        Assert.Null(await Live.FindAsync(() => _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name)));
    }

    [Fact]
    public async Task An_application_that_ships_its_own_definition_gets_that_one()
    {
        var app = TestApps.Create(TestApps.UniqueName("ro-own"), "rollout-crd/own-definition");

        var result = await _deployer.SyncOkAsync(app);

        Assert.Equal(RolloutDriveEnd.Healthy, Assert.Single(result.Rollouts).End);
        var definition = await _fixture.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(RolloutDefinition.Name);
        Assert.Equal("the-app", definition.Metadata.Labels["shipped-by"]);
        Assert.Equal(app.Name, AppTracking.Owner(Live.Json(definition))?.App);
    }
}
