using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Observability;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Faults;

/// <summary>Requests counted by verb and resource, dry runs apart: in-process and at /debug/requests.</summary>
public sealed class RequestCounterTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
        _cluster.Server.Requests.Reset();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task One_create_one_dry_run_apply_and_two_gets_are_counted_exactly()
    {
        await MakeTheRequestsAsync();

        var expected = new Dictionary<RequestKind, long>
        {
            [new RequestKind("create", "configmaps", DryRun: false)] = 1,
            [new RequestKind("apply", "configmaps", DryRun: true)] = 1,
            [new RequestKind("get", "configmaps", DryRun: false)] = 2,
        };
        Assert.Equal(expected, _cluster.Server.Requests.Snapshot());
        Assert.Equal(2, _cluster.Server.Requests.Total("get"));
        Assert.Equal((0, 1), (_cluster.Server.Requests.Total("apply", dryRun: false), _cluster.Server.Requests.Total("apply", dryRun: true)));
        Assert.Equal(1, _cluster.Server.Requests.Writes());
    }

    [Fact]
    public async Task The_debug_endpoint_reports_the_same_counts_without_counting_itself()
    {
        await MakeTheRequestsAsync();

        var first = await DebugRequestsAsync();
        var second = await DebugRequestsAsync();

        var expected = new[] { "apply configmaps dryRun=True 1", "create configmaps dryRun=False 1", "get configmaps dryRun=False 2" };
        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
    }

    [Fact]
    public async Task DELETE_on_the_debug_endpoint_resets_the_counters()
    {
        await MakeTheRequestsAsync();

        using var response = await _cluster.Http.DeleteAsync("/debug/requests");

        response.EnsureSuccessStatusCode();
        Assert.Empty(_cluster.Server.Requests.Snapshot());
        Assert.Empty(await DebugRequestsAsync());
    }

    [Fact]
    public async Task Watches_lists_and_subresources_are_counted_under_their_own_verb_and_resource()
    {
        await _cluster.Client.CoreV1.ListNamespacedPodAsync(Ns);
        using var watch = await Watch.RawWatch.OpenAsync(_cluster.Http, $"/api/v1/namespaces/{Ns}/pods?watch=true");
        await _cluster.Client.CoreV1.ReadNamespaceStatusAsync(Ns);

        var counted = _cluster.Server.Requests.Snapshot();
        Assert.Equal(1, counted[new RequestKind("list", "pods", DryRun: false)]);
        Assert.Equal(1, counted[new RequestKind("watch", "pods", DryRun: false)]);
        Assert.Equal(1, counted[new RequestKind("get", "namespaces/status", DryRun: false)]);
    }

    private async Task MakeTheRequestsAsync()
    {
        var settings = new V1ConfigMap
        {
            ApiVersion = V1ConfigMap.KubeApiVersion,
            Kind = V1ConfigMap.KubeKind,
            Metadata = new V1ObjectMeta { Name = "settings" },
            Data = new Dictionary<string, string> { ["mode"] = "fast" },
        };
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(settings, Ns);
        await _cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(KubernetesJson.Serialize(settings), V1Patch.PatchType.ApplyPatch), "settings", Ns, fieldManager: "deployer", dryRun: "All");
        await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Ns);
        await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", Ns);
    }

    private async Task<string[]> DebugRequestsAsync()
    {
        using var response = await _cluster.Http.GetAsync("/debug/requests");
        var json = await TestCluster.ReadJsonAsync(response);
        return json["requests"]!.AsArray()
            .Select(r => $"{r!["verb"]} {r["resource"]} dryRun={r["dryRun"]!.GetValue<bool>()} {r["count"]}")
            .ToArray();
    }
}
