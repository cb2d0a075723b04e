using System.Diagnostics;
using System.Globalization;

namespace ServerlessDeploy.Bench;

/// <summary>Runs a command to completion and measures its wall time and peak resident memory (VmHWM from /proc).</summary>
internal static class MeasuredProcess
{
    public static async Task<(TimeSpan Wall, long PeakBytes, int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakOf(process.Id));
            await Task.Delay(5);
        }

        clock.Stop();
        return (clock.Elapsed, peak, process.ExitCode, await output + await errors);
    }

    private static long PeakOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
