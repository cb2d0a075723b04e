using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Tests.Harness;

namespace ServerlessDeploy.LocalCluster.Tests.Faults;

/// <summary>Injected faults by verb, resource and probability: 429, 500, latency and dropped connections.</summary>
public sealed class FaultInjectionTests : IAsyncDisposable
{
    private const string Ns = "shop";
    private const string Settings = $"/api/v1/namespaces/{Ns}/configmaps/settings";
    private TestCluster? _cluster;

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_429_fault_answers_TooManyRequests_with_a_Retry_After_header()
    {
        var cluster = await StartAsync(new FaultRule(FaultKind.TooManyRequests, "get", "configmaps", RetryAfterSeconds: 3));

        using var response = await cluster.Http.GetAsync(Settings);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        var status = await TestCluster.ReadJsonAsync(response);
        Assert.Equal(("Failure", "TooManyRequests", 429), (Text(status, "status"), Text(status, "reason"), status["code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_500_fault_answers_InternalError()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=500,verb=get,resource=configmaps"));

        using var response = await cluster.Http.GetAsync(Settings);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var status = await TestCluster.ReadJsonAsync(response);
        Assert.Equal(("InternalError", 500), (Text(status, "reason"), status["code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_latency_fault_delays_the_answer_by_at_least_its_duration()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=latency,ms=300,verb=get,resource=configmaps"));

        var clock = Stopwatch.StartNew();
        using var response = await cluster.Http.GetAsync(Settings);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Lower bound only, less the timer's resolution: a .NET timer may fire up to a tick early against a Stopwatch.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(285), $"answered after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_drop_fault_closes_the_connection_without_an_answer()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=drop,verb=get,resource=configmaps"));

        await Assert.ThrowsAsync<HttpRequestException>(() => cluster.Http.GetAsync(Settings));
    }

    [Fact]
    public async Task A_fault_hits_only_its_verb_and_resource()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=500,verb=get,resource=configmaps"));

        using var list = await cluster.Http.GetAsync($"/api/v1/namespaces/{Ns}/configmaps");
        using var otherResource = await cluster.Http.GetAsync($"/api/v1/namespaces/{Ns}");
        using var faulted = await cluster.Http.GetAsync(Settings);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherResource.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
    }

    [Fact]
    public async Task Probability_zero_never_fires()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=500,verb=get,p=0"));

        var codes = await GetManyAsync(cluster, 100);

        Assert.All(codes, code => Assert.Equal(HttpStatusCode.OK, code));
    }

    [Fact]
    public async Task Probability_one_always_fires()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=500,verb=get,p=1"));

        var codes = await GetManyAsync(cluster, 100);

        Assert.All(codes, code => Assert.Equal(HttpStatusCode.InternalServerError, code));
    }

    [Fact]
    public async Task A_probability_between_fires_on_some_requests_only()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=500,verb=get,p=0.5"));

        var codes = await GetManyAsync(cluster, 100);

        Assert.Contains(HttpStatusCode.OK, codes);
        Assert.Contains(HttpStatusCode.InternalServerError, codes);
    }

    [Fact]
    public async Task Rules_set_at_run_time_take_effect_on_the_next_request_and_can_be_cleared()
    {
        var cluster = await StartAsync();

        using var before = await cluster.Http.GetAsync(Settings);
        cluster.Server.Faults.Set([FaultRule.Parse("kind=500,verb=get,resource=configmaps")]);
        using var during = await cluster.Http.GetAsync(Settings);
        cluster.Server.Faults.Set([]);
        using var after = await cluster.Http.GetAsync(Settings);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK],
            [before.StatusCode, during.StatusCode, after.StatusCode]);
    }

    [Fact]
    public async Task Rules_put_to_the_debug_endpoint_take_effect_and_are_listed()
    {
        var cluster = await StartAsync();

        using var put = await cluster.SendAsync(HttpMethod.Put, "/debug/faults", """{"faults":["kind=500,verb=get,resource=configmaps"]}""");
        using var listed = await cluster.Http.GetAsync("/debug/faults");
        using var faulted = await cluster.Http.GetAsync(Settings);

        put.EnsureSuccessStatusCode();
        var rule = Assert.Single((await TestCluster.ReadJsonAsync(listed))["faults"]!.AsArray())!;
        Assert.Equal(("ServerError", "get", "configmaps"), (Text(rule, "kind"), Text(rule, "verb"), Text(rule, "resource")));
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal(FaultKind.ServerError, Assert.Single(cluster.Server.Faults.Rules).Kind);
    }

    [Fact]
    public async Task A_bad_rule_put_to_the_debug_endpoint_is_rejected_naming_it_and_changes_nothing()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=latency,ms=1,verb=get"));

        using var put = await cluster.SendAsync(HttpMethod.Put, "/debug/faults", """{"faults":["kind=bogus"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("bogus", Text(await TestCluster.ReadJsonAsync(put), "message"), StringComparison.Ordinal);
        Assert.Equal(FaultKind.Latency, Assert.Single(cluster.Server.Faults.Rules).Kind);
    }

    [Fact]
    public async Task Faulted_requests_are_still_counted()
    {
        var cluster = await StartAsync(FaultRule.Parse("kind=429,verb=get,resource=configmaps"));
        cluster.Server.Requests.Reset();

        using var response = await cluster.Http.GetAsync(Settings);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, cluster.Server.Requests.Total("get"));
    }

    /// <summary>A cluster started with the rules in its options, with the namespace and the settings ConfigMap (creates, which no rule here hits).</summary>
    private async Task<TestCluster> StartAsync(params FaultRule[] rules)
    {
        _cluster = await TestCluster.StartAsync(new LocalClusterOptions(Faults: rules, FaultSeed: 7));
        await _cluster.CreateNamespaceAsync(Ns);
        using var created = await _cluster.SendAsync(
            HttpMethod.Post, $"/api/v1/namespaces/{Ns}/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"}}""");
        created.EnsureSuccessStatusCode();
        return _cluster;
    }

    private static async Task<List<HttpStatusCode>> GetManyAsync(TestCluster cluster, int count)
    {
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await cluster.Http.GetAsync(Settings);
            codes.Add(response.StatusCode);
        }

        return codes;
    }

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();
}
