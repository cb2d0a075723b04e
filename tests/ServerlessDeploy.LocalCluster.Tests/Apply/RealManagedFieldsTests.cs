using System.Text.Json.Nodes;
using k8s;
using ServerlessDeploy.LocalCluster.Tests.Harness;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Apply;

/// <summary>
/// The local API server's managedFields against kube-apiserver's for the same apply: gitops-engine's recorded
/// config/live pairs (Fixtures/gitops-engine), applied here under the same manager, must give the same FieldsV1 trie.
/// </summary>
public sealed class RealManagedFieldsTests : IAsyncLifetime
{
    private const string Manager = "argocd-controller";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("smd-deploy", "/apis/apps/v1/namespaces/default/deployments/nginx-deployment")]
    [InlineData("smd-service", "/api/v1/namespaces/default/services/multiple-protocol-port-svc")]
    public async Task An_apply_records_the_field_set_kube_apiserver_recorded(string pair, string path)
    {
        var config = File.ReadAllText(TestCluster.Fixture($"Apply/Fixtures/gitops-engine/{pair}-config.yaml"));
        var recorded = ManifestModels.Read<k8s.Models.V1Deployment>(File.ReadAllText(TestCluster.Fixture($"Apply/Fixtures/gitops-engine/{pair}-live.yaml")));

        using var response = await _cluster.SendAsync(HttpMethod.Patch, $"{path}?fieldManager={Manager}&force=true", config, "application/apply-patch+yaml");
        var applied = await TestCluster.ReadJsonAsync(response);

        Assert.True(response.IsSuccessStatusCode, applied.ToJsonString());
        var expected = FieldsV1.Trie(FieldsV1.Entry(recorded.Metadata, Manager));
        var actual = (applied["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == Manager)!["fieldsV1"])!;
        Assert.Equal(Sorted(expected).ToJsonString(), Sorted(actual).ToJsonString());
    }

    /// <summary>FieldsV1 keys in one order, so two tries with the same fields compare equal as text.</summary>
    private static JsonNode Sorted(JsonNode node) =>
        node is JsonObject obj
            ? new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Sorted(p.Value!))))
            : node.DeepClone();
}
