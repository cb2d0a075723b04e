using System.Net.Http.Headers;
using System.Text;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>
/// One local API server per test class, with its kubeconfig on disk and the three clients the tests drive it with:
/// KubernetesClient, kubectl and a raw HttpClient (for the bodies KubernetesClient does not show).
/// Tests share the server, so each works in a namespace (or on names) of its own.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private DirectoryInfo _directory = null!;

    public LocalApiServer Server { get; private set; } = null!;

    public string KubeconfigPath { get; private set; } = null!;

    public k8s.Kubernetes Client { get; private set; } = null!;

    /// <summary>Plain HTTP to the server, authenticated as the kubeconfig is.</summary>
    public HttpClient Http { get; private set; } = null!;

    internal Kubectl Kubectl { get; private set; } = null!;

    // The bare API operations are under test here: no simulated controller writes status behind them.
    protected virtual LocalClusterOptions Options => new() { SimulateControllers = false };

    public async Task InitializeAsync()
    {
        Server = await LocalApiServer.StartAsync(Options);
        _directory = Directory.CreateTempSubdirectory("sdeploy-tests-");
        KubeconfigPath = Path.Combine(_directory.FullName, "kubeconfig");
        await Server.WriteKubeconfigAsync(KubeconfigPath);
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(Server.Kubeconfig()));
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        Http = new HttpClient { BaseAddress = Server.Url };
        if (Options.Token is { } token)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Kubectl = new Kubectl(ToolPaths.Current.RequireKubectl(), KubeconfigPath, Path.Combine(_directory.FullName, "cache"));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    /// <summary>A name no other test uses: the prefix and eight random characters.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates a namespace of the test's own and returns its name.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix = "test")
    {
        var ns = new V1Namespace { Metadata = new V1ObjectMeta { Name = UniqueName(prefix) } };
        return (await Client.CoreV1.CreateNamespaceAsync(ns)).Name();
    }
}
