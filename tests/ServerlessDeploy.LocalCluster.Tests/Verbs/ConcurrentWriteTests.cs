using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>
/// Many clients writing one object at once, as a sync's concurrent applies and the simulated controllers do: the store
/// decides each write outside its lock and decides again when the object changed meanwhile, so no write is lost and
/// every write gets its own resourceVersion.
/// </summary>
public sealed class ConcurrentWriteTests : IAsyncLifetime
{
    private const string Ns = "busy";
    private const int Writers = 40;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Concurrent_merge_patches_of_one_object_all_land_each_with_its_own_resource_version()
    {
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "shared" } }, Ns);

        var versions = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            var patch = new V1Patch($$$"""{"data":{"key-{{{i}}}":"{{{i}}}"}}""", V1Patch.PatchType.MergePatch);
            return (await _cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "shared", Ns)).Metadata.ResourceVersion;
        }));

        var stored = await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("shared", Ns);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"key-{i}").Order(StringComparer.Ordinal), stored.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Writers, versions.Distinct().Count());
        Assert.Equal(versions.Max(long.Parse), long.Parse(stored.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Concurrent_applies_by_different_managers_keep_every_field_and_every_owner()
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            var body = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = "applied", ["namespace"] = Ns },
                ["data"] = new JsonObject { [$"key-{i}"] = $"{i}" },
            };
            using var response = await _cluster.SendAsync(
                HttpMethod.Patch, $"/api/v1/namespaces/{Ns}/configmaps/applied?fieldManager=manager-{i}", body.ToJsonString(), "application/apply-patch+yaml");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"manager-{i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }));

        var stored = await _cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("applied", Ns);
        Assert.Equal(Writers, stored.Data.Count);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"manager-{i}").Order(StringComparer.Ordinal),
            stored.Metadata.ManagedFields.Select(m => m.Manager).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_store_one_object_and_answer_the_others_already_exists()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            var body = $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"once"},"data":{"writer":"{{{i}}}"}}""";
            using var response = await _cluster.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps", body);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Writers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
    }
}
