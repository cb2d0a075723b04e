using System.Globalization;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Bench;

/// <summary>
/// First sync, and a no-op re-sync, of a generated app of N resources with `sdeploy app sync`, side by side with
/// `kubectl apply --server-side` of the same manifests, each against a fresh local API server in its own process.
/// </summary>
internal static class SyncBenchmark
{
    private static readonly string[] Writes = ["create", "update", "patch", "apply", "delete", "deletecollection"];

    public static async Task RunAsync(IReadOnlyList<int> sizes, TextWriter output)
    {
        var tools = ToolPaths.FromProcess();
        var sdeploy = Environment.GetEnvironmentVariable("SDEPLOY_BENCH_CLI")
            ?? Path.Combine(Path.GetDirectoryName(tools.Directory)!, "..", "src", "ServerlessDeploy.Cli", "bin", "Release", "net10.0", "sdeploy.dll");
        await output.WriteLineAsync("| resources | run | wall time | requests (by verb) | writes | peak memory |");
        await output.WriteLineAsync("|---:|---|---:|---|---:|---:|");
        foreach (var size in sizes)
        {
            using var app = new GeneratedApp(size);
            await using (var server = await LocalServer.StartAsync(sdeploy, app.Root))
            {
                await RowAsync(output, size, "kubectl apply --server-side", server, "kubectl-first",
                    () => MeasuredProcess.RunAsync(tools.Kubectl, ["--kubeconfig", server.Kubeconfig, "apply", "--server-side", "-f", app.Manifests]));
            }

            await using (var server = await LocalServer.StartAsync(sdeploy, app.Root))
            {
                string[] sync = [sdeploy, "app", "sync", app.ApplicationFile, "--kubeconfig", server.Kubeconfig];
                await RowAsync(output, size, "sdeploy app sync (first)", server, "first", () => MeasuredProcess.RunAsync("dotnet", sync));
                await RowAsync(output, size, "sdeploy app sync (no-op)", server, "no-op", () => MeasuredProcess.RunAsync("dotnet", sync));
            }
        }
    }

    private static async Task RowAsync(TextWriter output, int size, string label, LocalServer server, string run,
        Func<Task<(TimeSpan Wall, long PeakBytes, int ExitCode, string Output)>> measure)
    {
        await server.ResetCountersAsync();
        var (wall, peak, exit, text) = await measure();
        if (exit != 0)
        {
            throw new InvalidOperationException($"{label} ({run}) failed with exit code {exit}:\n{text}");
        }

        var counts = await server.CountsAsync();
        var byVerb = string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
        var writes = counts.Where(c => Writes.Contains(c.Key)).Sum(c => c.Value);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {size} | {label} | {wall.TotalSeconds:0.00} s | {byVerb} | {writes} | {peak / 1024.0 / 1024.0:0} MiB |"));
    }
}
