using k8s;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.Pipeline.Tests.Support;

/// <summary>One local API server per test class, reached through a kubeconfig file; tests use their own apps and namespaces.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("sdeploy-pipeline-tests-").FullName;

    public LocalApiServer Server { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(folder, "kubeconfig");

    protected virtual LocalClusterOptions Options => new() { FailureDeadline = TimeSpan.FromSeconds(1) };

    public async Task InitializeAsync()
    {
        Server = await LocalApiServer.StartAsync(Options);
        await Server.WriteKubeconfigAsync(KubeconfigPath);
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>A local API server whose simulated controllers take two seconds to finish a rollout.</summary>
public sealed class SlowControllersFixture : ClusterFixture
{
    protected override LocalClusterOptions Options => base.Options with { ControllerDelay = TimeSpan.FromSeconds(2) };
}
