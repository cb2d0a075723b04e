using System.Net;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Apply;

/// <summary>kube-apiserver refuses to change a Job's pod template or a Service's allocated clusterIP: 422 Invalid, naming the field.</summary>
public sealed class ImmutableFieldsTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_changed_Job_template_is_refused_as_immutable_and_the_Job_is_unchanged()
    {
        const string path = $"/apis/batch/v1/namespaces/{Ns}/jobs/migrate?fieldManager=test";
        using var created = await _cluster.SendAsync(HttpMethod.Patch, path, Job("busybox:1.36"), "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var changed = await _cluster.SendAsync(HttpMethod.Patch, path, Job("busybox:1.37"), "application/apply-patch+yaml");

        Assert.Equal((HttpStatusCode)422, changed.StatusCode);
        var status = await TestCluster.ReadJsonAsync(changed);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.StartsWith("Job \"migrate\" is invalid: spec.template: Invalid value: ", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(": field is immutable", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        using var get = await _cluster.Http.GetAsync($"/apis/batch/v1/namespaces/{Ns}/jobs/migrate");
        Assert.Contains("busybox:1.36", (await TestCluster.ReadJsonAsync(get)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_clusterIP_for_a_Service_is_refused_once_one_is_allocated()
    {
        const string path = $"/api/v1/namespaces/{Ns}/services/web?fieldManager=test";
        using var created = await _cluster.SendAsync(HttpMethod.Patch, path, Service(null), "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var changed = await _cluster.SendAsync(HttpMethod.Patch, path, Service("10.96.200.200"), "application/apply-patch+yaml");

        Assert.Equal((HttpStatusCode)422, changed.StatusCode);
        Assert.Contains("spec.clusterIPs[0]: Invalid value: []string{\"10.96.200.200\"}: may not change once set",
            (await TestCluster.ReadJsonAsync(changed))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Job(string image) =>
        "{\"apiVersion\": \"batch/v1\", \"kind\": \"Job\", \"metadata\": {\"name\": \"migrate\"}, \"spec\": {\"template\": {\"spec\": "
        + "{\"restartPolicy\": \"Never\", \"containers\": [{\"name\": \"run\", \"image\": \"" + image + "\"}]}}}}";

    private static string Service(string? clusterIp) =>
        "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"web\"}, \"spec\": {"
        + (clusterIp is null ? "" : "\"clusterIP\": \"" + clusterIp + "\", ") + "\"ports\": [{\"port\": 80}], \"selector\": {\"app\": \"web\"}}}";
}
