using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>The engine as the deployer wires it: the real renderer (helm, kustomize), KubernetesClient, the system clock.</summary>
internal sealed class Deployer(ClusterFixture fixture)
{
    public const string Revision = "4f1c2e9d0b7a6c5e3d2f1a0b9c8d7e6f5a4b3c2d";

    /// <summary>Bounded: a resource that never becomes healthy fails the test instead of hanging it.</summary>
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);

    public SyncEngine Engine() => new(fixture.Cluster(), new ManifestRenderer(ToolPaths.FromProcess(), new ProcessRunner()), TimeProvider.System);

    public Task<SyncResult> SyncAsync(Application app, SyncRequest? request = null, AppProject? project = null) =>
        Engine().SyncAsync(app, project ?? AppProject.Default, TestApps.Repository, Revision, request ?? new SyncRequest(HealthTimeout: HealthTimeout), [], CancellationToken.None);

    /// <summary>Syncs and asserts success, showing the engine's message when it fails.</summary>
    public async Task<SyncResult> SyncOkAsync(Application app, SyncRequest? request = null)
    {
        var result = await SyncAsync(app, request);
        Assert.True(result.Succeeded, $"sync of {app.Name} failed: {result.Message}");
        return result;
    }

    public Task<ApplicationComparison> CompareAsync(Application app) =>
        Engine().CompareAsync(app, TestApps.Repository, [], CancellationToken.None);
}
