using k8s;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>A manual deploy with images of its own (a deploy from a pipeline artifact is in the Functions tests, with the artifact source).</summary>
public sealed class ManualSourceTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly PipelineRun _run = new(cluster);

    private ConfigRepo Config => _run.Config;

    [Fact]
    public async Task A_manual_request_with_an_image_deploys_that_image_and_keeps_it_as_the_apps_override()
    {
        Config.AddApp("a").AddDeployment("a");
        Config.Commit("an app with a Deployment");

        var outcome = await _run.Local.Deployer.DeployAsync(Request("a") with { ImageOverrides = ["nginx:1.28"] }, null, CancellationToken.None);

        Assert.Equal(DeployOutcomeKind.Deployed, outcome.Kind);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Config.Namespace("a"));
        Assert.Equal("nginx:1.28", Assert.Single(deployment.Spec.Template.Spec.Containers).Image);
        var state = await _run.Local.Store.GetAppAsync(Config.App("a"), CancellationToken.None);
        Assert.Equal(["nginx:1.28"], state!.ImageOverrides);
    }

    [Fact]
    public void A_requested_image_replaces_the_recorded_override_for_the_same_image_only()
    {
        var request = Request("a") with { ImageOverrides = ["nginx:1.28"] };

        var merged = RequestedImages.Over(["nginx=nginx:1.27", "redis:7"], request);
        var untouched = RequestedImages.Over(["nginx:1.27"], request with { Reason = DeployReason.Reconcile });

        Assert.Equal(["redis:7", "nginx:1.28"], merged);
        Assert.Equal(["nginx:1.27"], untouched);
    }

    private DeployRequest Request(string shortName) =>
        new(Config.App(shortName), DeployReason.Manual, null, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");

    public void Dispose() => _run.Dispose();
}
