using System.Globalization;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Repositories;

namespace ServerlessDeploy.Bench;

/// <summary>
/// A reconcile tick with nothing changed, over a fleet of N apps (a ConfigMap and a Service each, in 20 namespaces),
/// all deployed, against a fresh local API server in its own process: `sdeploy events replay` of one tick each run,
/// with the compare pass per cluster (render cache cold, then warm; cluster-wide read, then namespace-scoped) beside
/// the per-app fan-out that came before it. Requests are the server's own count; memory is the process's VmHWM.
/// </summary>
internal static class FleetBenchmark
{
    private const int Namespaces = 20;

    public static async Task RunAsync(IReadOnlyList<int> sizes, TextWriter output, CancellationToken cancellationToken)
    {
        var sdeploy = BenchCli.Path();
        await output.WriteLineAsync("| apps | tick | wall time | API requests | requests per app | peak memory |");
        await output.WriteLineAsync("|---:|---|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var root = Directory.CreateTempSubdirectory($"sdeploy-bench-fleet-{size}-").FullName;
            try
            {
                using var repo = LocalGitRepository.Create(root, "fleet");
                for (var i = 0; i < size; i++)
                {
                    repo.Write($"apps/app-{i:D5}.yaml", Application(i)).Write($"workloads/app-{i:D5}/resources.yaml", Resources(i));
                }

                var now = DateTimeOffset.UtcNow;
                var commit = repo.CommitAndPush($"{size} apps", now);
                var push = Event(root, "push", LocalEvents.CodeCommitPush(repo.Name, "main", null, commit, now));
                await using var server = await LocalServer.StartAsync(sdeploy, root, 0);
                var state = Path.Combine(root, "state");
                string[] Replay(string file, params string[] more) =>
                    [sdeploy, "events", "replay", file, "--config-repo", repo.BarePath, "--kubeconfig", server.Kubeconfig, "--state", state, .. more];

                var deployed = await MeasuredProcess.RunAsync("dotnet", Replay(push));
                Ensure(deployed, "deploying the fleet");
                var tick = 0;
                string NextTick() => Event(root, $"tick-{++tick}", LocalEvents.ReconcileTick(now.AddMinutes(tick)));
                await RowAsync(output, size, "per cluster, render cache cold", server, () => MeasuredProcess.RunAsync("dotnet", Replay(NextTick())));
                await RowAsync(output, size, "per cluster, render cache warm", server, () => MeasuredProcess.RunAsync("dotnet", Replay(NextTick())));
                await RowAsync(output, size, "per cluster, namespace-scoped read, warm", server,
                    () => MeasuredProcess.RunAsync("dotnet", Replay(NextTick(), "--read-scope", "namespaces")));
                await RowAsync(output, size, "per app (before the compare pass)", server,
                    () => MeasuredProcess.RunAsync("dotnet", Replay(NextTick(), "--reconcile-fan-out", "app")));
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
        Ensure(run, label);
        var requests = (await server.CountsAsync()).Values.Sum();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {size} | {label} | {run.Wall.TotalSeconds:0.00} s | {requests} | {(double)requests / size:0.00} | {run.PeakBytes / 1024.0 / 1024.0:0} MiB |"));
    }

    internal static void Ensure((TimeSpan Wall, long PeakBytes, int ExitCode, string Output) run, string what)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {run.ExitCode}:\n{run.Output}");
        }
    }

    internal static string Event(string root, string name, string body)
    {
        var file = Path.Combine(root, $"{name}.json");
        File.WriteAllText(file, body);
        return file;
    }

    private static string Application(int i) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: app-{i:D5}
        spec:
          project: default
          source:
            repoURL: ../workloads
            targetRevision: HEAD
            path: app-{i:D5}
          destination:
            server: https://kubernetes.default.svc
            namespace: fleet-{i % Namespaces:D2}
          syncPolicy:
            automated:
              prune: true
            syncOptions:
              - CreateNamespace=true
        """;

    private static string Resources(int i) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-{i:D5}
        data:
          greeting: hello {i}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: app-{i:D5}
        spec:
          selector:
            app: app-{i:D5}
          ports:
            - port: 80
              targetPort: 8080
        """;
}
