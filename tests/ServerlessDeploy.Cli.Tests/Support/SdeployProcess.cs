using System.Diagnostics;
using System.Text;
using ServerlessDeploy.Testing.Processes;

namespace ServerlessDeploy.Cli.Tests.Support;

/// <summary>A long-running "dotnet sdeploy.dll …" process with its output collected, stopped by a signal as a terminal or init would.</summary>
internal sealed class SdeployProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private SdeployProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

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

    /// <summary>Sends SIGTERM through kill(1): Process.Kill sends SIGKILL, which no program can handle.</summary>
    public async Task TerminateAsync()
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(2));
        if (!kill.Succeeded)
        {
            throw new InvalidOperationException(kill.ToString());
        }
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

    public override string ToString() => $"sdeploy (pid {Id}{(HasExited ? $", exit {ExitCode}" : "")})\nstdout:\n{Output}\nstderr:\n{Error}";

    /// <summary>Ends the process if a test left it running (by its own id, SIGKILL), then releases it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
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
