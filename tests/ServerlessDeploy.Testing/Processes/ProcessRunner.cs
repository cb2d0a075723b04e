using System.Diagnostics;

namespace ServerlessDeploy.Testing.Processes;

/// <summary>
/// Runs a program without a shell, feeds it standard input (empty unless given), and captures its output; killed, with
/// what it wrote so far in the failure, when it outlives its timeout.
/// </summary>
public static class ProcessRunner
{
    /// <summary>How long a run may take when the caller names no timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <param name="environment">Variables set for this process only, over the test's own.</param>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var process = Start(StartInfo(fileName, arguments, environment, redirectInput: true));
        var command = Describe(process.StartInfo);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{command} did not finish within {limit.TotalSeconds:0} s\n{await output}\n{await error}");
        }

        return new ProcessResult(command, process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running process with its output streams redirected; the caller reads them and waits for it.</summary>
    public static Process Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(StartInfo(fileName, arguments, environment, redirectInput: false));

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, bool redirectInput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static Process Start(ProcessStartInfo start) =>
        Process.Start(start) ?? throw new InvalidOperationException($"could not start {Describe(start)}");

    private static string Describe(ProcessStartInfo start) => string.Join(' ', [Path.GetFileName(start.FileName), .. start.ArgumentList]);
}
