using k8s;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>
/// One local API server per test class, reached as any cluster is: a kubeconfig file and KubernetesClient.
/// Tests share it, each in its own namespace and application name.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdeploy-sync-tests-").FullName;

    public LocalApiServer Server { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(_folder, "kubeconfig");

    /// <summary>A temporary folder that lives as long as the server.</summary>
    public string Folder => _folder;

    /// <summary>Controllers finish at once; an image tagged "fail…" reports ProgressDeadlineExceeded after a second.</summary>
    protected virtual LocalClusterOptions Options => new() { FailureDeadline = TimeSpan.FromSeconds(1) };

    public async Task InitializeAsync()
    {
        Server = await LocalApiServer.StartAsync(Options);
        await Server.WriteKubeconfigAsync(KubeconfigPath);
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
    }

    /// <summary>The engine's cluster port over a KubernetesClient of this server (fresh discovery each time).</summary>
    public KubernetesCluster Cluster() => new(Client);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
