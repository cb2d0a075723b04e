using System.Diagnostics;
using ServerlessDeploy.LocalCluster.Tests.Harness;
using ServerlessDeploy.Testing.Processes;

namespace ServerlessDeploy.LocalCluster.Tests.Faults;

/// <summary>`sdeploy cluster --fault …` run as its own process (the CLI's build output, copied beside the tests), used by kubectl.</summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sdeploy-cluster-");

    private string KubeconfigPath => Path.Combine(_directory.FullName, "kubeconfig");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_bad_fault_exits_2_naming_the_bad_value()
    {
        var outcome = await ProcessRunner.RunAsync("dotnet", Sdeploy("cluster", "--kubeconfig", KubeconfigPath, "--fault", "kind=bogus"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'bogus'", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(KubeconfigPath));
    }

    [Fact]
    public async Task A_500_fault_on_configmap_gets_makes_kubectl_get_fail_with_an_internal_error()
    {
        using var cluster = ProcessRunner.Start("dotnet", Sdeploy("cluster", "--kubeconfig", KubeconfigPath, "--fault", "kind=500,verb=get,resource=configmaps"));
        try
        {
            await WaitForFileAsync(KubeconfigPath, cluster);
            var kubectl = new Testing.Tools.Kubectl(KubeconfigPath, Path.Combine(_directory.FullName, "kube-cache"));

            var faulted = await kubectl.RunAsync("get", "configmap", "x", "--namespace", "default");
            var unaffected = await kubectl.RunAsync("get", "namespaces");

            Assert.NotEqual(0, faulted.ExitCode);
            Assert.Contains("Error from server (InternalError)", faulted.Error, StringComparison.Ordinal);
            Assert.Contains("injected fault", faulted.Error, StringComparison.Ordinal);
            Assert.True(unaffected.ExitCode == 0, unaffected.ToString());
        }
        finally
        {
            await StopAsync(cluster);
        }

        Assert.Equal(0, cluster.ExitCode);
    }

    private static string[] Sdeploy(params string[] arguments) => [Path.Combine(AppContext.BaseDirectory, "sdeploy.dll"), .. arguments];

    private static async Task WaitForFileAsync(string path, Process process)
    {
        using var patience = new CancellationTokenSource(TestCluster.Patience);
        while (!File.Exists(path))
        {
            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"sdeploy cluster exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>Stops the server as a service manager would, with SIGTERM, and waits for it to exit (killing it if it will not).</summary>
    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var patience = new CancellationTokenSource(TestCluster.Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("sdeploy cluster did not stop on SIGTERM");
        }
    }
}
