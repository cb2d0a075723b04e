using System.Net.Http.Headers;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>
/// The shared cluster fixture (server, kubeconfig, KubernetesClient) with the two other clients these tests drive it
/// with: kubectl and a raw HttpClient (for the bodies KubernetesClient does not show).
/// Tests share the server, so each works in a namespace (or on names) of its own.
/// </summary>
public class ClusterFixture : ServerlessDeploy.Testing.Clusters.ClusterFixture
{
    /// <summary>Plain HTTP to the server, authenticated as the kubeconfig is.</summary>
    public HttpClient Http { get; private set; } = null!;

    internal Testing.Tools.Kubectl Kubectl { get; private set; } = null!;

    // The bare API operations are under test here: no simulated controller writes status behind them.
    protected override LocalClusterOptions Options => new() { SimulateControllers = false };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Http = new HttpClient { BaseAddress = Server.Url };
        if (Options.Token is { } token)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Kubectl = new Testing.Tools.Kubectl(KubeconfigPath, Path.Combine(Folder, "cache"));
    }

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
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
