using System.Net.Http.Headers;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Testing.Tools;
using ServerlessDeploy.Testing.Kubernetes;
using Xunit;

namespace ServerlessDeploy.Testing.Clusters;

/// <summary>
/// One local API server per test class, reached as any cluster is: a kubeconfig file, with KubernetesClient, kubectl
/// and a raw HttpClient (for the bodies KubernetesClient does not show). Tests share it, each in its own namespace and
/// application name.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-tests-");

    public LocalApiServer Server { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    /// <summary>Plain HTTP to the server, authenticated as the kubeconfig is.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The bootstrapped kubectl on the kubeconfig, with a discovery cache in <see cref="Folder"/>.</summary>
    public Kubectl Kubectl { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(Folder, "kubeconfig");

    /// <summary>A temporary folder that lives as long as the server.</summary>
    public string Folder => _folder.FullName;

    /// <summary>Controllers finish at once; an image tagged "fail…" reports ProgressDeadlineExceeded after a second.</summary>
    protected virtual LocalClusterOptions Options => new() { FailureDeadline = TimeSpan.FromSeconds(1) };

    /// <summary>A name no other test uses: the prefix and eight random characters.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public virtual async Task InitializeAsync()
    {
        Server = await LocalApiServer.StartAsync(Options);
        await Server.WriteKubeconfigAsync(KubeconfigPath);
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath);
        // Tests send and read objects of any kind through types of their own, not only KubernetesClient's models.
        configuration.AddJsonOptions(TestTypesJson.AddReflection);
        Client = new k8s.Kubernetes(configuration);
        Http = new HttpClient { BaseAddress = Server.Url };
        if (Options.Token is { } token)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Kubectl = new Kubectl(KubeconfigPath, Path.Combine(Folder, "cache"));
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        Client.Dispose();
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>Creates a namespace of the test's own and returns its name.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix = "test")
    {
        var ns = new V1Namespace { Metadata = new V1ObjectMeta { Name = UniqueName(prefix) } };
        return (await Client.CoreV1.CreateNamespaceAsync(ns)).Name();
    }
}
