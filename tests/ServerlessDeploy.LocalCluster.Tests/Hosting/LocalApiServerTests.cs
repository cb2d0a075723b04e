using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Hosting;

/// <summary>Starting a server and handing its kubeconfig to the clients.</summary>
public sealed class LocalApiServerTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Fact]
    public async Task The_kubeconfig_file_it_writes_is_read_by_KubernetesClient()
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath);
        using var client = new k8s.Kubernetes(config);

        var version = await client.Version.GetCodeAsync();

        Assert.Equal(cluster.Server.Url.ToString().TrimEnd('/'), config.Host.TrimEnd('/'));
        Assert.Equal("34", version.Minor);
    }

    [Fact]
    public async Task The_kubeconfig_file_it_writes_is_read_by_kubectl()
    {
        var context = await cluster.Kubectl.SucceedAsync("config", "current-context");
        var info = await cluster.Kubectl.SucceedAsync("cluster-info");

        Assert.Equal("local", context.Trim());
        Assert.Contains(cluster.Server.Url.ToString().TrimEnd('/'), info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_0_gives_each_server_a_free_loopback_port_and_its_own_state()
    {
        await using var other = await LocalApiServer.StartAsync(new LocalClusterOptions(Port: 0));
        using var kubeconfig = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(other.Kubeconfig()));
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        var ns = await cluster.CreateNamespaceAsync();

        var namespaces = await client.CoreV1.ListNamespaceAsync();

        Assert.Equal("127.0.0.1", other.Url.Host);
        Assert.NotEqual(cluster.Server.Url.Port, other.Url.Port);
        Assert.DoesNotContain(namespaces.Items, n => n.Name() == ns);
    }

    [Fact]
    public async Task A_port_outside_the_TCP_range_is_refused_before_anything_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalApiServer.StartAsync(new LocalClusterOptions(Port: 70000)));

        Assert.Contains("70000", error.Message, StringComparison.Ordinal);
    }
}
