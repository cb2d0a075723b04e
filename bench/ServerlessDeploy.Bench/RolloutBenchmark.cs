using System.Globalization;

namespace ServerlessDeploy.Bench;

/// <summary>
/// A 4-step canary of a 20-replica Rollout driven by the deployer's engine against the local API server, for each
/// simulated controller delay and each drive policy: every invocation's engine time and API requests, the
/// invocations one rollout needs, its cost on paper in AWS, beside the Argo Rollouts controller's always-on footprint.
/// </summary>
internal static class RolloutBenchmark
{
    private static readonly DrivePolicy[] Policies = [DrivePolicy.WaitsWithin, DrivePolicy.StopsAtEachWait];

    public static async Task RunAsync(IReadOnlyList<TimeSpan> controllerDelays, TextWriter output, CancellationToken cancellationToken)
    {
        var sdeploy = BenchCli.Path();
        var folder = Directory.CreateTempSubdirectory("sdeploy-rollout-bench-");
        try
        {
            var totals = new List<string>();
            await output.WriteLineAsync("| controller delay | drive policy | # | invocation | ends | step | engine wall | waited, skipped | billed | API requests (by verb) |");
            await output.WriteLineAsync("|---:|---|---:|---|---|---:|---:|---:|---:|---|");
            foreach (var delay in controllerDelays)
            {
                foreach (var policy in Policies)
                {
                    var invocations = await CanaryRun.RunAsync(sdeploy, folder.FullName, delay, policy, cancellationToken);
                    for (var i = 0; i < invocations.Count; i++)
                    {
                        await output.WriteLineAsync(Row(delay, policy, i + 1, invocations[i]));
                    }

                    totals.Add(Total(delay, policy, invocations));
                }
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("| controller delay | drive policy | invocations | API requests | engine wall | billed | GB-s | Lambda x86_64 (arm64) | SQS | one rollout | rollouts a month costing Argo's footprint |");
            await output.WriteLineAsync("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in totals)
            {
                await output.WriteLineAsync(row);
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(Assumptions());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Row(TimeSpan delay, DrivePolicy policy, int number, Invocation invocation)
    {
        var result = invocation.Result;
        var requests = string.Join(", ", invocation.Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {delay.TotalSeconds:0} s | {policy.Name} | {number} | {invocation.Trigger} | {result.End} | {result.Progress.StepIndex}/{result.Progress.StepCount} | {invocation.Wall.TotalMilliseconds:0} ms | {invocation.Skipped.TotalSeconds:0.0} s | {invocation.BilledMilliseconds} ms | {invocation.RequestCount}: {requests} |");
    }

    private static string Total(TimeSpan delay, DrivePolicy policy, IReadOnlyList<Invocation> invocations)
    {
        var cost = RolloutCost.Of(invocations);
        var wall = TimeSpan.FromTicks(invocations.Sum(i => i.Wall.Ticks));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {delay.TotalSeconds:0} s | {policy.Name} | {cost.Invocations} | {invocations.Sum(i => i.RequestCount)} | {wall.TotalMilliseconds:0} ms | {cost.BilledMilliseconds} ms | {cost.GbSeconds:0.000} | ${cost.LambdaUsd:0.0000000} (${cost.LambdaArmUsd:0.0000000}) | ${cost.SqsUsd:0.0000000} | ${cost.TotalUsd:0.0000000} | {ControllerFootprint.MonthlyUsd / cost.TotalUsd:#,0} |");
    }

    /// <summary>The paper costs' inputs, printed with the tables so each figure can be checked by hand.</summary>
    private static string Assumptions() => string.Create(CultureInfo.InvariantCulture, $"""
        Paper cost of one rollout = invocations × ${AwsPrices.LambdaPerRequest * 1_000_000:0.00}/M Lambda requests + billed ms / 1000 × {RolloutCost.DeployerMemoryMb} MB / 1024 × ${AwsPrices.LambdaX86PerGbSecond}/GB-s (x86_64; arm64 ${AwsPrices.LambdaArmPerGbSecond}) + invocations × {RolloutCost.SqsRequestsPerInvocation} SQS requests × ${AwsPrices.SqsPerRequest * 1_000_000:0.00}/M (us-east-1, on demand, free tiers left out).
        Argo Rollouts controller, always on: requests {ControllerFootprint.CpuMillicores}m CPU and {ControllerFootprint.MemoryMiB} MiB = max({ControllerFootprint.CpuMillicores}/{ControllerFootprint.NodeMillicores}, {ControllerFootprint.MemoryMiB}/{ControllerFootprint.NodeMemoryMiB}) = {ControllerFootprint.NodeShare:0.0%} of an m7g.large at ${AwsPrices.M7gLargePerHour}/h × {AwsPrices.HoursPerMonth} h = ${ControllerFootprint.NodeMonthlyUsd:0.00}/month, so ${ControllerFootprint.MonthlyUsd:0.00}/month.
        """);
}
