using System.Globalization;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Repositories;

namespace ServerlessDeploy.Bench;

/// <summary>
/// One Application of N resources (<see cref="GeneratedApp"/>'s manifests) in a config repository, on the deployer's path:
/// its first sync by `sdeploy events replay` of a push, then a reconcile tick with nothing changed, each a new process
/// against a fresh local API server, on the same state. Requests are the server's own count; memory is the process's VmHWM.
/// </summary>
internal static class FirstSyncBenchmark
{
    public static async Task RunAsync(IReadOnlyList<int> sizes, TextWriter output, CancellationToken cancellationToken)
    {
        var sdeploy = BenchCli.Path();
        await output.WriteLineAsync("| resources | run (events replay) | wall time | API requests | peak memory |");
        await output.WriteLineAsync("|---:|---|---:|---:|---:|");
        foreach (var size in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = Directory.CreateTempSubdirectory($"sdeploy-bench-first-sync-{size}-").FullName;
            try
            {
                using var repo = LocalGitRepository.Create(root, "config");
                repo.Write("apps/bench.yaml", Application);
                foreach (var (file, yaml) in GeneratedApp.Files(size))
                {
                    repo.Write($"workloads/bench/{file}", yaml);
                }

                var now = DateTimeOffset.UtcNow;
                var commit = repo.CommitAndPush($"an app of {size} resources", now);
                var push = FleetBenchmark.Event(root, "push", LocalEvents.CodeCommitPush(repo.Name, "main", null, commit, now));
                var tick = FleetBenchmark.Event(root, "tick", LocalEvents.ReconcileTick(now.AddMinutes(1)));
                await using var server = await LocalServer.StartAsync(sdeploy, root, 0);
                var state = Path.Combine(root, "state");
                string[] Replay(string file) =>
                    [sdeploy, "events", "replay", file, "--config-repo", repo.BarePath, "--kubeconfig", server.Kubeconfig, "--state", state];

                await RowAsync(output, size, "first sync (push)", server, () => MeasuredProcess.RunAsync("dotnet", Replay(push)));
                await RowAsync(output, size, "reconcile tick, nothing changed", server, () => MeasuredProcess.RunAsync("dotnet", Replay(tick)));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task RowAsync(TextWriter output, int size, string label, LocalServer server, Func<Task<(TimeSpan Wall, long PeakBytes, int ExitCode, string Output)>> measure)
    {
        await server.ResetCountersAsync();
        var run = await measure();
        FleetBenchmark.Ensure(run, label);
        var requests = (await server.CountsAsync()).Values.Sum();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {size} | {label} | {run.Wall.TotalSeconds:0.00} s | {requests} | {run.PeakBytes / 1024.0 / 1024.0:0} MiB |"));
    }

    // Automated, as the fleet's apps are: the tick's compare pass would send it on were it out of sync.
    private const string Application = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: bench
        spec:
          project: default
          source:
            repoURL: ../workloads
            targetRevision: HEAD
            path: bench
          destination:
            server: https://kubernetes.default.svc
            namespace: bench
          syncPolicy:
            automated:
              prune: true
        """;
}
