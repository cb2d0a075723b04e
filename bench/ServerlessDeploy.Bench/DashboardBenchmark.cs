using System.Diagnostics;
using System.Globalization;

namespace ServerlessDeploy.Bench;

/// <summary>
/// The dashboard's two heaviest reads of the state, over HTTP from `sdeploy ui` (Kestrel, in its own process) on a
/// local state of N apps: the list's first page of 100 rows with the counts over all N, and the page of an app of
/// 1,000 resources; beside the CLI's read of that same app, `sdeploy app get -o json --state` (a process: its start,
/// the state read, and the live comparison against a local API server where the app was synced).
/// </summary>
internal static class DashboardBenchmark
{
    private const int BigAppResources = 1_000;
    private const int ListRequests = 50;
    private const int AppPageRequests = 20;
    private const int CliRuns = 5;
    private const int WarmUp = 5;

    public static async Task RunAsync(IReadOnlyList<int> sizes, TextWriter output, CancellationToken cancellationToken)
    {
        var sdeploy = BenchCli.Path();
        using var app = new GeneratedApp(BigAppResources);
        await using var server = await LocalServer.StartAsync(sdeploy, app.Root, latencyMilliseconds: 0);
        var sync = await MeasuredProcess.RunAsync("dotnet", [sdeploy, "app", "sync", app.ApplicationFile, "--kubeconfig", server.Kubeconfig]);
        if (sync.ExitCode != 0)
        {
            throw new InvalidOperationException($"sdeploy app sync of the {BigAppResources}-resource app failed:\n{sync.Output}");
        }

        await output.WriteLineAsync($"| apps in the state | GET /applications: first page, median of {ListRequests} (CPU per request) | GET /applications/{RecordedFleet.BigApp}, {BigAppResources:N0} resources: median of {AppPageRequests} (CPU per request) | sdeploy app get -o json --state, same app: median of {CliRuns} | load average |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            using var fleet = await RecordedFleet.SeedAsync(size, BigAppResources, cancellationToken);
            await using var dashboard = await DashboardProcess.StartAsync(sdeploy, fleet.Folder, server.Kubeconfig);
            using var http = new HttpClient { BaseAddress = dashboard.Url };
            var list = await MedianAsync(dashboard, http, "/applications", ListRequests, cancellationToken);
            var page = await MedianAsync(dashboard, http, $"/applications/{RecordedFleet.BigApp}", AppPageRequests, cancellationToken);
            var cli = await CliMedianAsync(sdeploy, app.ApplicationFile, server.Kubeconfig, fleet.Folder);
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {Ms(list.Median)} ({Ms(list.Cpu)}; {list.Bytes / 1024.0:0} KiB) | {Ms(page.Median)} ({Ms(page.Cpu)}; {page.Bytes / 1024.0:0} KiB) | {Ms(cli)} | {load} |"));
        }
    }

    /// <summary>
    /// The median of <paramref name="requests"/> warm requests, after <see cref="WarmUp"/> that are not counted, and the
    /// server's CPU time per counted request.
    /// </summary>
    private static async Task<(TimeSpan Median, TimeSpan Cpu, long Bytes)> MedianAsync(DashboardProcess dashboard, HttpClient http, string path, int requests, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>();
        long bytes = 0;
        var cpuBefore = TimeSpan.Zero;
        for (var i = 0; i < WarmUp + requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
            }

            bytes = body.Length;
            if (i == WarmUp - 1)
            {
                cpuBefore = dashboard.CpuTime();
            }

            if (i >= WarmUp)
            {
                times.Add(clock.Elapsed);
            }
        }

        return (Median(times), (dashboard.CpuTime() - cpuBefore) / requests, bytes);
    }

    private static async Task<TimeSpan> CliMedianAsync(string sdeploy, string applicationFile, string kubeconfig, string stateFolder)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < CliRuns; i++)
        {
            var run = await MeasuredProcess.RunAsync("dotnet", [sdeploy, "app", "get", applicationFile, "--kubeconfig", kubeconfig, "--state", stateFolder, "-o", "json"]);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"sdeploy app get failed with exit code {run.ExitCode}:\n{run.Output}");
            }

            times.Add(run.Wall);
        }

        return Median(times);
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    }

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.0} ms");
}
