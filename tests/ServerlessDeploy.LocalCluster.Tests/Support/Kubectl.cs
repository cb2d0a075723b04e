using ServerlessDeploy.Testing.Processes;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>The bootstrapped kubectl, pointed at one kubeconfig, with a discovery cache of its own.</summary>
internal sealed class Kubectl(string executable, string kubeconfig, string cacheDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    /// <summary>Runs kubectl with <paramref name="input"/> on standard input (for "-f -").</summary>
    public Task<ProcessResult> RunWithInputAsync(string? input, params string[] arguments) =>
        ProcessRunner.RunAsync(executable, [.. arguments, "--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory], Timeout, input);

    /// <summary>Runs kubectl and fails the test, with its output, unless it succeeds.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.Succeeded, result.ToString());
        return result.Output;
    }
}
