using System.Diagnostics;
using System.Text;
using ServerlessDeploy.Testing.Tools;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

/// <summary>
/// One run of the real kubectl (<see cref="ToolPaths.Current"/>), left running: output is collected as it comes, so a test
/// can wait for a line before it moves the clock on.
/// </summary>
internal sealed class KubectlRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private KubectlRun(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static KubectlRun Start(string kubeconfig, string cacheDir, params string[] args)
    {
        var start = new ProcessStartInfo(ToolPaths.Current.RequireKubectl())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(["--kubeconfig", kubeconfig, "--cache-dir", cacheDir]))
        {
            start.ArgumentList.Add(arg);
        }

        return new KubectlRun(Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start"));
    }

    /// <summary>Waits for kubectl to exit (killing it past <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl did not exit within {timeout}; output so far:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
