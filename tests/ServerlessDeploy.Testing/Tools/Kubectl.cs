using ServerlessDeploy.Testing.Processes;
using Xunit;

namespace ServerlessDeploy.Testing.Tools;

/// <summary>
/// The bootstrapped kubectl (<see cref="ToolPaths.Current"/>), pointed at one kubeconfig, with a discovery cache of its
/// own. Its path is looked up at each run, so a test that never runs kubectl does not need it.
/// </summary>
public sealed class Kubectl(string kubeconfig, string cacheDirectory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public Task<ProcessResult> RunAsync(params string[] arguments) => ExecuteAsync(null, null, arguments);

    /// <summary>Runs kubectl with <paramref name="input"/> on standard input (for "-f -").</summary>
    public Task<ProcessResult> RunWithInputAsync(string? input, params string[] arguments) => ExecuteAsync(input, null, arguments);

    /// <summary>Runs kubectl with <paramref name="environment"/> over the test's own (e.g. KUBE_EDITOR).</summary>
    public Task<ProcessResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ExecuteAsync(null, environment, arguments);

    /// <summary>Runs kubectl and fails the test, with its output, unless it succeeds.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.Succeeded, result.ToString());
        return result.Output;
    }

    /// <summary>The kubeconfig and the cache go before the arguments, so they reach kubectl even when the arguments end in "--".</summary>
    private Task<ProcessResult> ExecuteAsync(string? input, IReadOnlyDictionary<string, string>? environment, string[] arguments) =>
        ProcessRunner.RunAsync(
            ToolPaths.Current.RequireKubectl(),
            ["--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory, .. arguments],
            Timeout,
            input,
            environment);
}
