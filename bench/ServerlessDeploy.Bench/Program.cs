using ServerlessDeploy.Bench;

// Usage: dotnet run --project bench/ServerlessDeploy.Bench -c Release [-- 100 1000]
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 1000];
await SyncBenchmark.RunAsync(sizes, Console.Out);
