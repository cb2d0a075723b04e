using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// Runs real processes. Once the program has exited, its output is awaited a few seconds at most: a build server it
/// left running may hold the pipes open, and that must not hold up synthesis.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    public ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProcessResult(false, -1, $"cannot run {program}: {e.Message}");
        }
        var output = new StringBuilder();
        var readers = new[] { Copy(process.StandardOutput, output), Copy(process.StandardError, output) };
        process.WaitForExit();
        Task.WaitAll(readers, OutputGrace);
        lock (output)
        {
            return new ProcessResult(true, process.ExitCode, output.ToString());
        }
    }

    private static Task Copy(StreamReader reader, StringBuilder output) => Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    });
}
