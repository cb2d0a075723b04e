using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Local.Clusters;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>A destination the kubeconfig does not name is a connection's problem, as a value a deploy fails with.</summary>
public sealed class KubeconfigClustersTests : IDisposable
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: local
        clusters:
        - name: local
          cluster:
            server: https://127.0.0.1:6443
        contexts:
        - name: local
          context:
            cluster: local
            user: me
        users:
        - name: me
          user:
            token: t
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_kubeconfig_is_the_problem()
    {
        var path = Path.Combine(_folder, "none");

        var connection = new KubeconfigClusters(path).Connect(new ApplicationDestination("https://kubernetes.default.svc", null, "default"));

        Assert.False(connection.IsConnected);
        Assert.Equal($"kubeconfig {path}: no such file", connection.Problem);
    }

    [Fact]
    public void A_destination_naming_no_context_lists_the_contexts()
    {
        var path = Path.Combine(_folder, "config");
        File.WriteAllText(path, Kubeconfig);

        var connection = new KubeconfigClusters(path).Connect(new ApplicationDestination(null, "prod", "default"));

        Assert.False(connection.IsConnected);
        Assert.Null(connection.Client);
        Assert.Equal($"spec.destination: prod names no context or cluster in {path} (contexts: local)", connection.Problem);
    }

    [Fact]
    public void The_in_cluster_destination_is_the_current_context()
    {
        var path = Path.Combine(_folder, "config");
        File.WriteAllText(path, Kubeconfig);

        var connection = new KubeconfigClusters(path).Connect(new ApplicationDestination("https://kubernetes.default.svc", null, "default"));

        Assert.True(connection.IsConnected);
        Assert.Equal("", connection.Problem);
    }
}
