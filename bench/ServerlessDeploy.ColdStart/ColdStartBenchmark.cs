using System.Globalization;

namespace ServerlessDeploy.ColdStart;

/// <summary>Measures every candidate on every handler (one untimed warm-up start each, then N starts) and prints one
/// Markdown table per handler with min, median and p90 next to the handler's target.</summary>
internal static class ColdStartBenchmark
{
    public static async Task<bool> RunAsync(IReadOnlyList<Candidate> candidates, IReadOnlyList<string> handlers, int runs, string eventsFolder, TextWriter output)
    {
        var allRan = true;
        foreach (var handler in handlers)
        {
            var eventJson = BenchEvents.For(handler, eventsFolder);
            var target = TargetMilliseconds(handler);
            output.WriteLine();
            output.WriteLine($"Cold start, {handler}: process start → response posted ({runs} starts each; target: {(target is { } t ? $"≤ {t:0} ms before its I/O" : "none")})");
            output.WriteLine();
            output.WriteLine("| runtime | min | median | p90 | within target (p90) |");
            output.WriteLine("|---|---:|---:|---:|---|");
            foreach (var candidate in candidates)
            {
                try
                {
                    await ColdStartRun.MeasureAsync(candidate, handler, eventJson, eventsFolder);
                    var times = new List<double>();
                    for (var run = 0; run < runs; run++)
                    {
                        times.Add(await ColdStartRun.MeasureAsync(candidate, handler, eventJson, eventsFolder));
                    }
                    var summary = new ColdStartTimes(times);
                    var within = target is { } limit ? (summary.P90 <= limit ? "yes" : "no") : "—";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {candidate.Label} | {summary.Min:0} ms | {summary.Median:0} ms | {summary.P90:0} ms | {within} |"));
                }
                catch (InvalidOperationException e)
                {
                    allRan = false;
                    output.WriteLine($"| {candidate.Label} | failed: {e.Message.ReplaceLineEndings(" ")} | | | |");
                }
            }
        }
        return allRan;
    }

    /// <summary>The cold-start targets: router ≤ 250 ms, deployer ≤ 500 ms before its I/O; the webhook has none.</summary>
    private static double? TargetMilliseconds(string handler) => handler switch
    {
        "router" => 250,
        "deployer" => 500,
        _ => null,
    };
}
