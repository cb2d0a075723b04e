using System.Globalization;
using ServerlessDeploy.Bench;

// Usage: dotnet run --project bench/ServerlessDeploy.Bench -c Release [-- 100 1000]
// BENCH_ONLY=sync, rollout, dashboard or fleet runs one benchmark; all run otherwise. BENCH_FLEET_APPS=1000 sets the fleet sizes,
// BENCH_APP_RESOURCES=1000 the sizes of the one app whose first sync the fleet benchmark measures after it.
// BENCH_LATENCIES_MS=0,5 sets the API latencies the sync benchmark measures at (every request answered that much later).
// BENCH_CONTROLLER_DELAYS_S=2,0 sets how long the rollout benchmark's simulated controllers take to make ReplicaSets available.
var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
if (only is null or "sync")
{
    var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 1000];
    await SyncBenchmark.RunAsync(sizes, Numbers("BENCH_LATENCIES_MS", "0,5"), Console.Out);
    await Console.Out.WriteLineAsync();
}

if (only is null or "rollout")
{
    var delays = Numbers("BENCH_CONTROLLER_DELAYS_S", "2,0").Select(s => TimeSpan.FromSeconds(s)).ToArray();
    await RolloutBenchmark.RunAsync(delays, Console.Out, CancellationToken.None);
    await Console.Out.WriteLineAsync();
}

if (only is null or "dashboard")
{
    await DashboardBenchmark.RunAsync([100, 1000], Console.Out, CancellationToken.None);
    await Console.Out.WriteLineAsync();
}

if (only is null or "fleet")
{
    await FleetBenchmark.RunAsync(Numbers("BENCH_FLEET_APPS", "1000"), Console.Out, CancellationToken.None);
    await Console.Out.WriteLineAsync();
    await FirstSyncBenchmark.RunAsync(Numbers("BENCH_APP_RESOURCES", "1000"), Console.Out, CancellationToken.None);
}

static int[] Numbers(string variable, string otherwise) =>
    (Environment.GetEnvironmentVariable(variable) ?? otherwise)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(n => int.Parse(n, CultureInfo.InvariantCulture))
        .ToArray();
