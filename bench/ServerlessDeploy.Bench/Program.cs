using System.Globalization;
using ServerlessDeploy.Bench;

// Usage: dotnet run --project bench/ServerlessDeploy.Bench -c Release [-- 100 1000]
// BENCH_LATENCIES_MS=0,5 sets the API latencies to measure at (every request answered that much later).
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 1000];
var latencies = (Environment.GetEnvironmentVariable("BENCH_LATENCIES_MS") ?? "0,5")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(l => int.Parse(l, CultureInfo.InvariantCulture))
    .ToArray();
await SyncBenchmark.RunAsync(sizes, latencies, Console.Out);
