using System.Net;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Testing.Certificates;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Eks;

public sealed class EksClustersTests
{
    private static readonly string CaData = TestCertificates.CaData();
    private static readonly EksClusterEndpoint Prod = new("prod", new Uri("https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com"), CaData, "eu-west-1");
    private static readonly EksClusterEndpoint Staging = new("staging", new Uri("https://123456.yl4.eu-west-1.eks.amazonaws.com/"), CaData, "eu-west-1");

    [Theory]
    [InlineData(null, "staging", "staging")]
    [InlineData("https://abcdef.gr7.eu-west-1.eks.amazonaws.com/", null, "prod")]
    [InlineData("https://123456.yl4.eu-west-1.eks.amazonaws.com", null, "staging")]
    public void A_destination_is_matched_by_name_or_server(string? server, string? name, string expected)
    {
        using var clusters = new EksClusters([Prod, Staging], TestCredentials.Basic);

        Assert.True(clusters.TryMatch(new ApplicationDestination(server, name, "default"), out var cluster, out _));
        Assert.Equal(expected, cluster.Name);
    }

    [Theory]
    [InlineData("https://kubernetes.default.svc", null)]
    [InlineData(null, "in-cluster")]
    public void The_in_cluster_destination_is_the_single_configured_cluster(string? server, string? name)
    {
        using var single = new EksClusters([Prod], TestCredentials.Basic);
        using var two = new EksClusters([Prod, Staging], TestCredentials.Basic);
        var destination = new ApplicationDestination(server, name, "default");

        Assert.True(single.TryMatch(destination, out var cluster, out _));
        Assert.Equal("prod", cluster.Name);
        Assert.False(two.TryMatch(destination, out _, out var problem));
        Assert.Equal(
            "spec.destination: https://kubernetes.default.svc is ambiguous with 2 clusters configured (prod, staging); name one of them",
            problem);
    }

    [Fact]
    public void An_unknown_destination_names_the_configured_clusters()
    {
        using var clusters = new EksClusters([Prod, Staging], TestCredentials.Basic);

        var connection = clusters.Connect(new ApplicationDestination("https://other.example.com", null, "default"));

        Assert.False(connection.IsConnected);
        Assert.Null(connection.Client);
        Assert.Equal("spec.destination: https://other.example.com names no configured EKS cluster (configured: prod, staging)", connection.Problem);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_connection_says_whether_the_deployer_may_read_the_whole_cluster(bool clusterRead)
    {
        using var clusters = new EksClusters([Prod with { ClusterRead = clusterRead }, Staging], TestCredentials.Basic);

        var connection = clusters.Connect(new ApplicationDestination(null, "prod", "default"));

        Assert.True(connection.IsConnected);
        Assert.Equal(clusterRead, connection.ClusterRead);
    }

    [Fact]
    public void An_invalid_cluster_is_refused_with_each_problem()
    {
        var broken = new EksClusterEndpoint("broken", new Uri("https://x.example.com"), "bm90IGEgY2VydA==", "EU West", "role");

        var error = Assert.Throws<ArgumentException>(() => new EksClusters([broken], TestCredentials.Basic));

        Assert.StartsWith(
            "cluster broken: region \"EU West\" is not a region name such as eu-west-1, caData is not base64 of a PEM certificate, roleArn \"role\" is not an IAM role ARN",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_carry_an_EKS_bearer_token_the_cluster_accepts()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalClusterOptions(AcceptEksTokens: true));
        var local = new EksClusterEndpoint("local", server.Url, CaData, "eu-west-1");
        using var clusters = new EksClusters([local], TestCredentials.Basic);

        var connection = clusters.Connect(new ApplicationDestination("https://kubernetes.default.svc", null, "default"));
        Assert.True(connection.IsConnected);
        var cluster = connection.Client;
        var namespaces = Assert.IsType<ClusterResourceType>((await cluster.FindTypeAsync("v1", "Namespace", CancellationToken.None)).Type);
        var list = await cluster.ListAsync(namespaces, null, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)list.StatusCode);
        Assert.Equal("NamespaceList", list.Body?["kind"]?.ToString());
    }

    [Fact]
    public async Task A_container_s_connections_to_a_cluster_share_one_discovery()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalClusterOptions(AcceptEksTokens: true));
        var local = new EksClusterEndpoint("local", server.Url, CaData, "eu-west-1");
        using var clusters = new EksClusters([local], TestCredentials.Basic, discovery: new DiscoveryCache(TimeProvider.System));
        var destination = new ApplicationDestination("https://kubernetes.default.svc", null, "default");
        var requests = new RequestsSince(server);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            var connection = clusters.Connect(destination);
            Assert.True(connection.IsConnected);
            Assert.Null((await connection.Client.ListableTypesAsync(CancellationToken.None)).Unreadable);
        }

        Assert.Equal(2, requests.Count("get", "discovery"));
    }

    [Fact]
    public async Task Without_the_token_the_same_cluster_refuses()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalClusterOptions(AcceptEksTokens: true));
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(new Uri(server.Url, "/api/v1/namespaces"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
