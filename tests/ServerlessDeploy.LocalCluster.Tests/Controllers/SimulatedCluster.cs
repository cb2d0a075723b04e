using k8s;
using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

/// <summary>
/// A local cluster of its own for one test, on a clock the test moves, with the namespace "sim" created: reached through
/// KubernetesClient and the real kubectl.
/// </summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    public const string Namespace = "sim";
    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly LocalApiServer _server;
    private readonly string _dir;

    private SimulatedCluster(LocalApiServer server, FakeTimeProvider time, string dir, k8s.Kubernetes client)
    {
        _server = server;
        Time = time;
        _dir = dir;
        Client = client;
    }

    public FakeTimeProvider Time { get; }

    public k8s.Kubernetes Client { get; }

    private string Kubeconfig => Path.Combine(_dir, "kubeconfig");

    public static async Task<SimulatedCluster> StartAsync(LocalClusterOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var server = await LocalApiServer.StartAsync(options ?? new LocalClusterOptions(), time, TextWriter.Null, CancellationToken.None);
        var dir = Directory.CreateTempSubdirectory("sdeploy-controllers-").FullName;
        await server.WriteKubeconfigAsync(Path.Combine(dir, "kubeconfig"));
        var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Url.ToString(), AccessToken = server.Options.Token });
        var cluster = new SimulatedCluster(server, time, dir, client);
        await cluster.CreateAsync("namespace.yaml");
        return cluster;
    }

    /// <summary>kubectl create -f on a fixture of Fixtures/Controllers.</summary>
    public async Task CreateAsync(string fixture)
    {
        var (exitCode, output) = await KubectlAsync("create", "-f", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Controllers", fixture));
        Assert.True(exitCode == 0, $"kubectl create -f {fixture} failed ({exitCode}): {output}");
    }

    public async Task<(int ExitCode, string Output)> KubectlAsync(params string[] args)
    {
        using var run = StartKubectl(args);
        var exitCode = await run.ExitAsync(KubectlTimeout);
        return (exitCode, run.Output);
    }

    public KubectlRun StartKubectl(params string[] args) => KubectlRun.Start(Kubeconfig, Path.Combine(_dir, "cache"), args);

    /// <summary>Reads until <paramref name="done"/> holds (polling, up to a bounded patience) and returns what was read last.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what} did not happen within {Patience.TotalSeconds} s; last read: {KubernetesJson.Serialize(value, TestTypesJson.Options)}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="text"/> shows in a running kubectl's output.</summary>
    public static Task WaitForOutputAsync(KubectlRun run, string text) =>
        EventuallyAsync(() => Task.FromResult(run.Output), output => output.Contains(text, StringComparison.Ordinal), $"kubectl printing \"{text}\"");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
