using System.Diagnostics;
using ServerlessDeploy.Cli;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>Runs sdeploy in-process, and kubectl as a separate process, as a person at a terminal would.</summary>
internal static class Sdeploy
{
    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await SdeployCommand.Build(output, errors).Parse(args).InvokeAsync();
        return new CommandRun(exit, output.ToString(), errors.ToString());
    }

    /// <summary>The checked-out examples/ folder (a config repository).</summary>
    public static string Examples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "examples");
            }
        }

        throw new InvalidOperationException("not inside the repository");
    }

    /// <summary>Runs the real kubectl; <paramref name="environment"/> adds variables (e.g. KUBE_EDITOR).</summary>
    public static async Task<CommandRun> KubectlAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(ToolPaths.FromProcess().KubectlPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return new CommandRun(process.ExitCode, await output, await errors);
    }
}
