using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Bench;

/// <summary>A fresh `sdeploy cluster` in its own process, with its request counters read over /debug/requests.</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    private LocalServer(Process process, string kubeconfig, Uri url)
    {
        _process = process;
        Kubeconfig = kubeconfig;
        Url = url;
    }

    public string Kubeconfig { get; }

    public Uri Url { get; }

    /// <param name="latencyMilliseconds">How long every API request waits before it is served (the server's latency fault).</param>
    /// <param name="controllerDelay">How long the simulated controllers take to make workloads available; zero writes it at once.</param>
    public static async Task<LocalServer> StartAsync(string sdeploy, string folder, int latencyMilliseconds, TimeSpan controllerDelay = default)
    {
        var kubeconfig = Path.Combine(folder, $"kubeconfig-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] latency = latencyMilliseconds > 0 ? ["--fault", $"kind=latency,ms={latencyMilliseconds}"] : [];
        foreach (var argument in new[] { sdeploy, "cluster", "--kubeconfig", kubeconfig, "--controller-delay", controllerDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture) }.Concat(latency))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        for (var i = 0; i < 300 && !File.Exists(kubeconfig); i++)
        {
            await Task.Delay(50);
        }

        var server = File.ReadLines(kubeconfig).First(l => l.Trim().StartsWith("server:", StringComparison.Ordinal)).Split("server:")[1].Trim();
        return new LocalServer(process, kubeconfig, new Uri(server));
    }

    public async Task ResetCountersAsync() => (await _http.DeleteAsync(new Uri(Url, "/debug/requests"))).EnsureSuccessStatusCode();

    /// <summary>Requests by verb, with dry runs counted apart ("patch (dry run)").</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        var json = JsonNode.Parse(await _http.GetStringAsync(new Uri(Url, "/debug/requests")))!;
        return (json["requests"] as JsonArray ?? []).OfType<JsonObject>()
            .GroupBy(r => r["verb"]!.ToString() + (r["dryRun"]!.GetValue<bool>() ? " (dry run)" : ""))
            .ToDictionary(g => g.Key, g => g.Sum(r => r["count"]!.GetValue<long>()));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _http.Dispose();
    }
}
