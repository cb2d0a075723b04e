using k8s;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Testing.Kubernetes;
using Xunit;

namespace ServerlessDeploy.Testing.Clusters;

/// <summary>
/// One local API server per test class, reached as any cluster is: a kubeconfig file and KubernetesClient.
/// Tests share it, each in its own namespace and application name.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-tests-");

    public LocalApiServer Server { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(Folder, "kubeconfig");

    /// <summary>A temporary folder that lives as long as the server.</summary>
    public string Folder => _folder.FullName;

    /// <summary>Controllers finish at once; an image tagged "fail…" reports ProgressDeadlineExceeded after a second.</summary>
    protected virtual LocalClusterOptions Options => new() { FailureDeadline = TimeSpan.FromSeconds(1) };

    public virtual async Task InitializeAsync()
    {
        Server = await LocalApiServer.StartAsync(Options);
        await Server.WriteKubeconfigAsync(KubeconfigPath);
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath);
        // Tests send and read objects of any kind through types of their own, not only KubernetesClient's models.
        configuration.AddJsonOptions(TestTypesJson.AddReflection);
        Client = new k8s.Kubernetes(configuration);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
