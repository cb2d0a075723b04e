using System.Diagnostics;
using System.Globalization;

namespace ServerlessDeploy.Bench;

/// <summary>`sdeploy ui --state … --port 0` in its own process, as a user starts it, at the URL it prints.</summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private const string Listening = "dashboard on ";

    private readonly Process _process;

    private DashboardProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>
    /// CPU time the process has used so far (user + system, from /proc/&lt;pid&gt;/stat in clock ticks of 10 ms): on a shared
    /// machine a request's wall time includes waiting for a core, its CPU time does not.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // Fields after the command name (which may hold spaces) start at its closing parenthesis; utime and stime are the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public static async Task<DashboardProcess> StartAsync(string sdeploy, string stateFolder, string kubeconfig)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { sdeploy, "ui", "--state", stateFolder, "--kubeconfig", kubeconfig, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(startup.Token) is { } line)
        {
            if (line.StartsWith(Listening, StringComparison.Ordinal))
            {
                return new DashboardProcess(process, new Uri(line[Listening.Length..].Split(' ')[0]));
            }
        }

        throw new InvalidOperationException($"sdeploy ui exited before it listened: {await process.StandardError.ReadToEndAsync(startup.Token)}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
