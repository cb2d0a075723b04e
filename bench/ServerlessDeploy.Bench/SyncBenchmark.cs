using System.Globalization;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Bench;

/// <summary>
/// First sync, and a no-op re-sync, of a generated app of N resources with `sdeploy app sync`, side by side with
/// `kubectl apply --server-side` of the same manifests, each against a fresh local API server in its own process,
/// at each API latency asked for (0: the server answers as fast as it can; more: every request waits that long first,
/// as a request to a remote control plane does).
/// </summary>
internal static class SyncBenchmark
{
    private static readonly string[] Writes = ["create", "update", "patch", "apply", "delete", "deletecollection"];

    public static async Task RunAsync(IReadOnlyList<int> sizes, IReadOnlyList<int> latencies, TextWriter output)
    {
        var tools = ToolPaths.FromProcess();
        var sdeploy = BenchCli.Path();
        var ratios = new List<string>();
        await output.WriteLineAsync("| resources | API latency | run | wall time | requests (by verb) | writes | peak memory |");
        await output.WriteLineAsync("|---:|---:|---|---:|---|---:|---:|");
        foreach (var latency in latencies)
        {
            foreach (var size in sizes)
            {
                using var app = new GeneratedApp(size);
                TimeSpan kubectl, first, noOp;
                await using (var server = await LocalServer.StartAsync(sdeploy, app.Root, latency))
                {
                    kubectl = await RowAsync(output, size, latency, "kubectl apply --server-side", server,
                        () => MeasuredProcess.RunAsync(tools.KubectlPath, ["--kubeconfig", server.Kubeconfig, "apply", "--server-side", "-f", app.Manifests]));
                }

                await using (var server = await LocalServer.StartAsync(sdeploy, app.Root, latency))
                {
                    string[] sync = [sdeploy, "app", "sync", app.ApplicationFile, "--kubeconfig", server.Kubeconfig];
                    first = await RowAsync(output, size, latency, "sdeploy app sync (first)", server, () => MeasuredProcess.RunAsync("dotnet", sync));
                    noOp = await RowAsync(output, size, latency, "sdeploy app sync (no-op)", server, () => MeasuredProcess.RunAsync("dotnet", sync));
                }

                ratios.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | {latency} ms | {kubectl.TotalSeconds:0.00} s | {first.TotalSeconds:0.00} s | {first / kubectl:0.00}× | {noOp.TotalSeconds:0.00} s |"));
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| resources | API latency | kubectl apply | sdeploy first sync | first sync ÷ kubectl | no-op re-sync |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|");
        foreach (var row in ratios)
        {
            await output.WriteLineAsync(row);
        }
    }

    private static async Task<TimeSpan> RowAsync(TextWriter output, int size, int latency, string label, LocalServer server,
        Func<Task<(TimeSpan Wall, long PeakBytes, int ExitCode, string Output)>> measure)
    {
        await server.ResetCountersAsync();
        var (wall, peak, exit, text) = await measure();
        if (exit != 0)
        {
            throw new InvalidOperationException($"{label} failed with exit code {exit}:\n{text}");
        }

        var counts = await server.CountsAsync();
        var byVerb = string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
        var writes = counts.Where(c => Writes.Contains(c.Key)).Sum(c => c.Value);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {size} | {latency} ms | {label} | {wall.TotalSeconds:0.00} s | {byVerb} | {writes} | {peak / 1024.0 / 1024.0:0} MiB |"));
        return wall;
    }
}
