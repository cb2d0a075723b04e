using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Tests.Harness;

/// <summary>
/// One local API server for one test, with the three clients the tests speak through: KubernetesClient, a raw
/// HttpClient (for headers, status codes and line-delimited watch streams) and the real kubectl.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    /// <summary>How long anything eventual (a watch event, a process) is waited for before a test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _directory;

    private TestCluster(LocalApiServer server, string directory)
    {
        Server = server;
        _directory = directory;
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Url.ToString() });
        Http = new HttpClient { BaseAddress = server.Url, Timeout = Patience };
        Kubectl = new Testing.Tools.Kubectl(Path.Combine(directory, "kubeconfig"), Path.Combine(directory, "kube-cache"));
    }

    public LocalApiServer Server { get; }

    public k8s.Kubernetes Client { get; }

    public HttpClient Http { get; }

    /// <summary>Spelled out: the folder Kubectl/ of these tests is a namespace of the same name.</summary>
    public Testing.Tools.Kubectl Kubectl { get; }

    public static async Task<TestCluster> StartAsync(LocalClusterOptions? options = null)
    {
        var server = await LocalApiServer.StartAsync(options ?? new LocalClusterOptions());
        var directory = Directory.CreateTempSubdirectory("sdeploy-tests-").FullName;
        await server.WriteKubeconfigAsync(Path.Combine(directory, "kubeconfig"));
        return new TestCluster(server, directory);
    }

    /// <summary>A file under the test output folder, e.g. Apply/Fixtures/app.</summary>
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);

    public Task<V1Namespace> CreateNamespaceAsync(string name) =>
        Client.CoreV1.CreateNamespaceAsync(new V1Namespace
        {
            ApiVersion = V1Namespace.KubeApiVersion,
            Kind = V1Namespace.KubeKind,
            Metadata = new V1ObjectMeta { Name = name },
        });

    /// <summary>Sends a request with a JSON or YAML body and returns the response, whatever its status.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return await Http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
