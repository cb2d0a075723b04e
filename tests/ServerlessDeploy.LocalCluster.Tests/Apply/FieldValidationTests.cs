using System.Net;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Apply;

/// <summary>fieldValidation=Strict|Warn|Ignore for a field the kind does not have (spec.foo on a Deployment).</summary>
public sealed class FieldValidationTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private const string Deployments = $"/apis/apps/v1/namespaces/{Ns}/deployments";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        await _cluster.CreateNamespaceAsync(Ns);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Strict_rejects_the_write_with_400_naming_the_unknown_field()
    {
        using var response = await CreateAsync("?fieldValidation=Strict");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await TestCluster.ReadJsonAsync(response);
        Assert.Equal("BadRequest", status["reason"]!.GetValue<string>());
        Assert.Contains("strict decoding error: unknown field \"spec.foo\"", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        using var get = await _cluster.Http.GetAsync($"{Deployments}/web");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?fieldValidation=Warn")]
    public async Task Warn_is_the_default_and_accepts_the_write_with_a_Warning_header_naming_the_field(string query)
    {
        using var response = await CreateAsync(query);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warning = Assert.Single(response.Headers.GetValues("Warning"));
        Assert.Contains("unknown field \\\"spec.foo\\\"", warning, StringComparison.Ordinal);
        Assert.StartsWith("299 ", warning, StringComparison.Ordinal);
        await AssertStoredWithoutTheUnknownFieldAsync();
    }

    [Fact]
    public async Task Ignore_accepts_the_write_without_a_warning()
    {
        using var response = await CreateAsync("?fieldValidation=Ignore");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Warning"));
        await AssertStoredWithoutTheUnknownFieldAsync();
    }

    [Fact]
    public async Task An_unknown_directive_is_rejected_with_400()
    {
        using var response = await CreateAsync("?fieldValidation=Loose");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Loose", (await TestCluster.ReadJsonAsync(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> CreateAsync(string query)
    {
        var manifest = await File.ReadAllTextAsync(TestCluster.Fixture(Path.Combine("Apply", "Fixtures", "deployment-unknown-field.yaml")));
        return await _cluster.SendAsync(HttpMethod.Post, Deployments + query, manifest, "application/yaml");
    }

    /// <summary>As kube-apiserver decodes into the Go type, an accepted unknown field is dropped: neither stored nor owned.</summary>
    private async Task AssertStoredWithoutTheUnknownFieldAsync()
    {
        using var get = await _cluster.Http.GetAsync($"{Deployments}/web");
        var stored = await TestCluster.ReadJsonAsync(get);
        var spec = stored["spec"]!.AsObject();
        Assert.Equal(2, spec["replicas"]!.GetValue<int>());
        Assert.False(spec.ContainsKey("foo"), $"spec.foo was stored: {spec.ToJsonString()}");
        Assert.DoesNotContain("f:foo", stored["metadata"]!["managedFields"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
