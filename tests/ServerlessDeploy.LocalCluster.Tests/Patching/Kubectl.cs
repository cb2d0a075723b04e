using System.Diagnostics;

namespace ServerlessDeploy.LocalCluster.Tests.Patching;

/// <summary>
/// The real kubectl, run against one kubeconfig with its own cache directory. Found under $SDEPLOY_TOOLS_DIR, else the
/// repository's tools/bin (fill it with tools/bootstrap.sh), as kubectl/kubectl. Private to these tests.
/// </summary>
internal sealed class Kubectl(string kubeconfig, string workDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
            Environment = { ["KUBECACHEDIR"] = Path.Combine(workDirectory, "kube-cache") },
        };
        foreach (var argument in (string[])["--kubeconfig", kubeconfig, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Writes <paramref name="yaml"/> to a file in the work directory and returns its path, for "-f".</summary>
    public string Manifest(string name, string yaml)
    {
        var path = Path.Combine(workDirectory, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Executable()
    {
        var tools = Environment.GetEnvironmentVariable("SDEPLOY_TOOLS_DIR") is { Length: > 0 } configured ? configured : RepositoryTools();
        var path = Path.Combine(tools, "kubectl", "kubectl");
        return File.Exists(path) ? path : throw new FileNotFoundException($"no kubectl at {path}: run tools/bootstrap.sh or set SDEPLOY_TOOLS_DIR", path);
    }

    private static string RepositoryTools()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "tools", "bin");
            }
        }

        throw new DirectoryNotFoundException($"no ServerlessDeploy.sln above {AppContext.BaseDirectory}");
    }
}
