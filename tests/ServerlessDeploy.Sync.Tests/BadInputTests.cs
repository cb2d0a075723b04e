using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Bad input in Git fails the sync with the renderer's message, and nothing is written.</summary>
public sealed class BadInputTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Theory]
    [InlineData("bad/broken-yaml", "broken.yaml")]
    [InlineData("bad/missing-kind", "settings.yaml: document 2: missing kind")]
    [InlineData("bad/missing-name", "settings.yaml: document 2: missing metadata.name")]
    [InlineData("bad/helm-error", "imageTag is required")]
    [InlineData("../../../../etc", "leaves the repository")]
    public async Task A_bad_render_fails_the_sync_with_the_renderers_message_and_writes_nothing(string path, string message)
    {
        var app = TestApps.Create(TestApps.UniqueName("bad"), path);
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"render failed: {app.Name}: ", result.Message, StringComparison.Ordinal);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.EndsWith("(nothing was changed)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
        Assert.Null(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespaceAsync(app.Name)));
    }
}
