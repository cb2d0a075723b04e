using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ServerlessDeploy.Testing.Processes;

namespace ServerlessDeploy.Cli.Tests.Support;

/// <summary>A long-running "dotnet sdeploy.dll …" process with its output collected, stopped by a signal as a terminal or init would.</summary>
internal sealed partial class SdeployProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    /// <summary>The sdeploy process itself: the started process, or the background job the shell started.</summary>
    private int? _job;

    private SdeployProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _job ?? _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => Read(_output);

    public string Error => Read(_error);

    /// <summary>Starts sdeploy from the build output next to the test assembly.</summary>
    public static SdeployProcess Start(params string[] arguments) => Start(new Dictionary<string, string?>(), arguments);

    /// <summary>Starts sdeploy with <paramref name="environment"/> over the test's own (a null value removes the variable), for that process only.</summary>
    public static SdeployProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sdeploy.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new SdeployProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet sdeploy.dll"));
    }

    /// <summary>
    /// Starts sdeploy as a script starts a background job (`sdeploy … &amp;` in bash without job control), which starts it
    /// with SIGINT ignored; the shell waits for it and exits with its code. <see cref="Id"/> is sdeploy's own once known.
    /// </summary>
    public static async Task<SdeployProcess> StartInBackgroundAsync(TimeSpan deadline, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", "\"$@\" & echo \"background job $!\"; wait $!", "bash", "dotnet", Path.Combine(AppContext.BaseDirectory, "sdeploy.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var started = new SdeployProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start bash"));
        var output = await started.WaitForOutputAsync(BackgroundJob().IsMatch, deadline);
        started._job = int.Parse(BackgroundJob().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return started;
    }

    /// <summary>Sends SIGTERM through kill(1): Process.Kill sends SIGKILL, which no program can handle.</summary>
    public Task TerminateAsync() => SignalAsync("-TERM");

    /// <summary>Sends SIGINT, what Ctrl+C sends, through kill(1).</summary>
    public Task InterruptAsync() => SignalAsync("-INT");

    /// <summary>The output so far once <paramref name="seen"/> holds for it; fails at the deadline, or when the process ended first.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> seen, TimeSpan deadline)
    {
        var giveUpAt = DateTime.UtcNow + deadline;
        while (!seen(Output))
        {
            if (_process.HasExited || DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"the output never showed what was waited for within {deadline.TotalSeconds:0} s: {this}");
            }

            await Task.Delay(100);
        }

        return Output;
    }

    /// <summary>Waits for the process to end; false when it is still running at the deadline.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var cancel = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SignalAsync(string signal)
    {
        var kill = await ProcessRunner.RunAsync("kill", [signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(2));
        if (!kill.Succeeded)
        {
            throw new InvalidOperationException(kill.ToString());
        }
    }

    [GeneratedRegex(@"^background job (\d+)$", RegexOptions.Multiline)]
    private static partial Regex BackgroundJob();

    public override string ToString() => $"sdeploy (pid {Id}{(HasExited ? $", exit {ExitCode}" : "")})\nstdout:\n{Output}\nstderr:\n{Error}";

    /// <summary>Ends the process if a test left it running (by its own id, SIGKILL; a background job first), then releases it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            if (_job is { } job)
            {
                using var sdeploy = Process.GetProcessById(job);
                sdeploy.Kill();
            }

            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
