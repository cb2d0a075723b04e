using k8s;
using ServerlessDeploy.Functions.CodePipeline;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

/// <summary>A deploy from a folder already on disk (a pipeline artifact) instead of the app's repository.</summary>
public sealed class ArtifactDeployTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly PipelineRun _run = new(cluster);

    private ConfigRepo Config => _run.Config;

    [Fact]
    public async Task A_source_folder_is_deployed_instead_of_the_repository_and_its_revision_recorded()
    {
        Config.AddApp("a", greeting: "from git");
        Config.Commit("one app");
        var artifact = Directory.CreateTempSubdirectory("sdeploy-artifact-").FullName;
        try
        {
            // The config repository's Applications point into its own workloads/ folder; the artifact is that repository.
            Directory.CreateDirectory(Path.Combine(artifact, "workloads", "a"));
            await File.WriteAllTextAsync(Path.Combine(artifact, "workloads", "a", "settings.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  greeting: from the artifact
                """);

            var outcome = await _run.Local.Deployer.DeployAsync(Request("a"), new ArtifactSource(artifact, "artifacts/a.zip"), null, CancellationToken.None);

            Assert.True(outcome.Kind == DeployOutcomeKind.Deployed, outcome.Message);
            var settings = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Config.Namespace("a"));
            Assert.Equal("from the artifact", settings.Data["greeting"]);
            var state = await _run.Local.Store.GetAppAsync(Config.App("a"), CancellationToken.None);
            Assert.Equal("artifacts/a.zip", state!.Revision);
            Assert.Equal("artifacts/a.zip", Assert.Single(await _run.Local.Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Revision);
        }
        finally
        {
            Directory.Delete(artifact, recursive: true);
        }
    }

    private DeployRequest Request(string shortName) =>
        new(Config.App(shortName), DeployReason.Manual, null, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");

    public void Dispose() => _run.Dispose();
}
