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
            output.WriteLine($"Cold start, {handler}: process start → init done (first event asked for){(handler == "webhook" ? " and → response posted" : "")} ({runs} starts each; target: {(target is { } t ? $"init ≤ {t:0} ms, before its I/O" : "none")})");
            output.WriteLine();
            output.WriteLine("| runtime | init min | init median | init p90 | response median | within target (init p90) |");
            output.WriteLine("|---|---:|---:|---:|---:|---|");
            foreach (var candidate in candidates)
            {
                try
                {
                    await ColdStartRun.MeasureAsync(candidate, handler, eventJson, eventsFolder);
                    var samples = new List<(double InitMs, double? ResponseMs)>();
                    for (var run = 0; run < runs; run++)
                    {
                        samples.Add(await ColdStartRun.MeasureAsync(candidate, handler, eventJson, eventsFolder));
                    }
                    var init = new ColdStartTimes(samples.Select(s => s.InitMs).ToList());
                    var responses = samples.Where(s => s.ResponseMs is not null).Select(s => s.ResponseMs!.Value).ToList();
                    var response = responses.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{new ColdStartTimes(responses).Median:0} ms");
                    var within = target is { } limit ? (init.P90 <= limit ? "yes" : "no") : "—";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {candidate.Label} | {init.Min:0} ms | {init.Median:0} ms | {init.P90:0} ms | {response} | {within} |"));
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
