using System.Net;
using System.Net.Http.Headers;
using k8s;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Auth;

/// <summary>A server started with a token serves only requests that carry it (or, when configured, a valid EKS token).</summary>
public sealed class AuthenticationTests(TokenClusterFixture cluster) : IClassFixture<TokenClusterFixture>
{
    private const string Namespaces = "/api/v1/namespaces";

    public static TheoryData<string> RefusedEksTokens =>
    [
        "expired", "signed in the future", "without the prefix", "not base64", "not an STS host", "not https",
        "another action", "x-k8s-aws-id not signed", "without a signature", "without a date", "with an unexpected parameter",
    ];

    [Fact]
    public async Task A_request_without_Authorization_is_Unauthorized()
    {
        using var response = await SendAsync(null);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Theory]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer ")]
    [InlineData($"Basic {TokenClusterFixture.Token}")]
    [InlineData(TokenClusterFixture.Token)]
    public async Task A_request_with_anything_but_the_bearer_token_is_Unauthorized(string authorization)
    {
        using var response = await SendAsync(authorization);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Discovery_needs_the_token_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis");
        using var anonymous = new HttpClient { BaseAddress = cluster.Server.Url };

        using var response = await anonymous.SendAsync(request);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task A_request_with_the_bearer_token_is_served()
    {
        using var response = await SendAsync($"Bearer {TokenClusterFixture.Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task KubernetesClient_built_from_the_kubeconfig_sends_the_token()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var read = await cluster.Client.CoreV1.ReadNamespaceAsync(ns);

        Assert.Equal(ns, read.Metadata.Name);
        Assert.Contains($"token: \"{TokenClusterFixture.Token}\"", cluster.Server.Kubeconfig(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_EKS_token_is_accepted()
    {
        using var response = await SendAsync($"Bearer {EksToken.Create(DateTimeOffset.UtcNow)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_fresh_EKS_token_with_a_session_token_and_a_longer_expiry_is_accepted()
    {
        var token = EksToken.Create(
            DateTimeOffset.UtcNow.AddMinutes(-5),
            new Dictionary<string, string?> { ["X-Amz-Security-Token"] = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH", ["X-Amz-Expires"] = "900" });

        using var response = await SendAsync($"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RefusedEksTokens))]
    public async Task An_EKS_token_that_is_expired_or_malformed_is_Unauthorized(string problem)
    {
        using var response = await SendAsync($"Bearer {RefusedEksToken(problem, DateTimeOffset.UtcNow)}");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task A_server_not_configured_for_EKS_tokens_refuses_them()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalClusterOptions(Token: TokenClusterFixture.Token));
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EksToken.Create(DateTimeOffset.UtcNow));

        using var response = await http.GetAsync(Namespaces);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task A_server_started_without_a_token_serves_anyone()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalClusterOptions());
        using var http = new HttpClient { BaseAddress = server.Url };

        using var response = await http.GetAsync(Namespaces);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("token:", server.Kubeconfig(), StringComparison.Ordinal);
    }

    [Fact(Skip = "Known gap: kubectl (client-go) sends bearer tokens only over TLS, and the local server serves plain HTTP.")]
    public async Task Kubectl_with_the_kubeconfig_of_a_token_protected_server_is_served()
    {
        var output = await cluster.Kubectl.SucceedAsync("get", "namespaces", "-o", "name");

        Assert.NotNull(output);
    }

    internal static string RefusedEksToken(string problem, DateTimeOffset now) => problem switch
    {
        "expired" => EksToken.Create(now.AddMinutes(-2)),
        "signed in the future" => EksToken.Create(now.AddMinutes(10)),
        "without the prefix" => EksToken.Create(now)["k8s-aws-v1.".Length..],
        "not base64" => "k8s-aws-v1.%%%not-base64%%%",
        "not an STS host" => EksToken.Create(now, host: "sts.eu-west-1.amazonaws.com.attacker.example"),
        "not https" => EksToken.Create(now, scheme: "http"),
        "another action" => EksToken.Create(now, new Dictionary<string, string?> { ["Action"] = "AssumeRole" }),
        "x-k8s-aws-id not signed" => EksToken.Create(now, new Dictionary<string, string?> { ["X-Amz-SignedHeaders"] = "host" }),
        "without a signature" => EksToken.Create(now, new Dictionary<string, string?> { ["X-Amz-Signature"] = null }),
        "without a date" => EksToken.Create(now, new Dictionary<string, string?> { ["X-Amz-Date"] = null }),
        "with an unexpected parameter" => EksToken.Create(now, new Dictionary<string, string?> { ["RoleArn"] = "arn:aws:iam::111122223333:role/admin" }),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such case"),
    };

    private async Task<HttpResponseMessage> SendAsync(string? authorization)
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.Server.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, Namespaces);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await anonymous.SendAsync(request);
    }
}
