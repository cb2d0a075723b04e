using k8s.Models;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Sync.Tests;

/// <summary>Every applied resource carries the tracking annotation; another app's resource is refused; Argo CD's tracking for the same app is adopted.</summary>
public sealed class TrackingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly Deployer _deployer = new(fixture);

    [Fact]
    public async Task Every_applied_resource_carries_the_tracking_annotation_and_label()
    {
        var app = TestApps.Create(TestApps.UniqueName("tracked"), "tracking");

        await _deployer.SyncOkAsync(app);

        var ns = app.Name;
        var metadata = new (string Id, V1ObjectMeta Metadata)[]
        {
            ($"/ServiceAccount:{ns}/runner", (await fixture.Client.CoreV1.ReadNamespacedServiceAccountAsync("runner", ns)).Metadata),
            ($"/Secret:{ns}/creds", (await fixture.Client.CoreV1.ReadNamespacedSecretAsync("creds", ns)).Metadata),
            ($"/ConfigMap:{ns}/settings", (await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", ns)).Metadata),
            ($"/Service:{ns}/web", (await fixture.Client.CoreV1.ReadNamespacedServiceAsync("web", ns)).Metadata),
        };
        Assert.All(metadata, m =>
        {
            Assert.Equal($"{app.Name}:{m.Id}", Live.TrackingId(m.Metadata));
            Assert.Equal(app.Name, m.Metadata.Labels["serverless-deploy/app"]);
        });
    }

    [Fact]
    public async Task A_resource_another_application_tracks_is_refused_naming_both_and_nothing_is_written()
    {
        var app = TestApps.Create(TestApps.UniqueName("intruder"), "tracking");
        await CreateConfigMapAsync(app.Name, "serverless-deploy/tracking-id", $"billing:/ConfigMap:{app.Name}/settings");
        var requests = new RequestsSince(fixture.Server);

        var result = await _deployer.SyncAsync(app);

        Assert.False(result.Succeeded);
        Assert.Contains($"/ConfigMap:{app.Name}/settings belongs to application 'billing', not '{app.Name}'", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
        Assert.Null(await Live.FindAsync(() => fixture.Client.CoreV1.ReadNamespacedSecretAsync("creds", app.Name)));
    }

    [Fact]
    public async Task A_resource_Argo_CD_deployed_for_the_same_application_is_adopted()
    {
        var app = TestApps.Create(TestApps.UniqueName("adopted"), "tracking");
        await CreateConfigMapAsync(app.Name, "argocd.argoproj.io/tracking-id", $"{app.Name}:/ConfigMap:{app.Name}/settings");

        await _deployer.SyncOkAsync(app);

        var live = await fixture.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", app.Name);
        Assert.Equal($"{app.Name}:/ConfigMap:{app.Name}/settings", Live.TrackingId(live.Metadata));
        Assert.Equal("hello", live.Data["GREETING"]);
    }

    private async Task CreateConfigMapAsync(string ns, string annotation, string trackingId)
    {
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = ns } });
        await fixture.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                ApiVersion = "v1",
                Kind = "ConfigMap",
                Metadata = new V1ObjectMeta { Name = "settings", Annotations = new Dictionary<string, string> { [annotation] = trackingId } },
                Data = new Dictionary<string, string> { ["GREETING"] = "hi" },
            },
            ns);
    }
}
