using System.Net;
using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Testing.Processes;
using ServerlessDeploy.Testing.Tools;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>"sdeploy cluster" as its own process: it writes a kubeconfig kubectl can use, and stops cleanly on SIGTERM.</summary>
public sealed class ClusterCommandTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sdeploy-cli-");

    private string Kubeconfig => Path.Combine(_directory.FullName, "kubeconfig");

    [Fact]
    public async Task Cluster_serves_kubectl_through_the_kubeconfig_it_writes_then_stops_cleanly_on_SIGTERM()
    {
        using var sdeploy = SdeployProcess.Start("cluster", "--kubeconfig", Kubeconfig, "--port", "0");
        await WaitForKubeconfigAsync(sdeploy);

        var created = await KubectlWithInputAsync("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-cli\n", "create", "-f", "-");
        var namespaces = await KubectlAsync("get", "namespaces", "-o", "name");
        await sdeploy.TerminateAsync();
        var exited = await sdeploy.WaitForExitAsync(Deadline);

        Assert.True(created.Succeeded, created.ToString());
        Assert.Contains("namespace/from-cli", namespaces.Output.Split('\n'));
        Assert.True(exited, $"still running {Deadline.TotalSeconds:0} s after SIGTERM: {sdeploy}");
        Assert.True(sdeploy.ExitCode == 0, sdeploy.ToString());
        Assert.Matches(@"local cluster listening on http://127\.0\.0\.1:\d+/", sdeploy.Output);
        Assert.Contains("local cluster stopping", sdeploy.Error, StringComparison.Ordinal);
        Assert.False((await KubectlAsync("get", "namespaces")).Succeeded, "the server is gone once the process has ended");
    }

    [Fact]
    public async Task Cluster_with_a_token_writes_it_to_the_kubeconfig_and_refuses_requests_without_it()
    {
        using var sdeploy = SdeployProcess.Start("cluster", "--kubeconfig", Kubeconfig, "--token", "cli-token");
        await WaitForKubeconfigAsync(sdeploy);
        var server = File.ReadAllLines(Kubeconfig).Single(l => l.TrimStart().StartsWith("server:", StringComparison.Ordinal)).Split("server:")[1].Trim();
        using var http = new HttpClient { BaseAddress = new Uri(server) };

        using var anonymous = await http.GetAsync("/api/v1/namespaces");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "cli-token");
        using var authenticated = await http.SendAsync(request);
        await sdeploy.TerminateAsync();

        Assert.Contains("token: \"cli-token\"", await File.ReadAllTextAsync(Kubeconfig), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.True(await sdeploy.WaitForExitAsync(Deadline), sdeploy.ToString());
    }

    [Fact]
    public async Task Cluster_with_a_port_outside_the_TCP_range_fails_with_a_message_and_writes_no_kubeconfig()
    {
        using var sdeploy = SdeployProcess.Start("cluster", "--kubeconfig", Kubeconfig, "--port", "70000");

        Assert.True(await sdeploy.WaitForExitAsync(Deadline), sdeploy.ToString());
        Assert.NotEqual(0, sdeploy.ExitCode);
        Assert.StartsWith("sdeploy cluster: port 70000 is not a TCP port", sdeploy.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", sdeploy.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Kubeconfig));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Controller_delay_holds_a_rollout_in_progress_until_it_has_passed()
    {
        using var sdeploy = SdeployProcess.Start("cluster", "--kubeconfig", Kubeconfig, "--controller-delay", "600");
        await WaitForKubeconfigAsync(sdeploy);
        const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: default}\n"
            + "spec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
            + "    spec: {containers: [{name: web, image: nginx:1.27}]}\n";

        var applied = await KubectlWithInputAsync(Deployment, "apply", "--server-side", "-f", "-");
        var reason = await KubectlAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.status.conditions[?(@.type=='Progressing')].reason}/{.status.availableReplicas}");
        await sdeploy.TerminateAsync();

        Assert.True(applied.Succeeded, applied.ToString());
        Assert.Equal("ReplicaSetUpdated/", reason.Output.Trim());
    }

    [Theory]
    [InlineData("--controller-delay", "-1", "controller delay")]
    [InlineData("--failure-deadline", "-5", "failure deadline")]
    public async Task An_invalid_simulation_setting_is_one_message_and_exit_2(string option, string value, string named)
    {
        using var sdeploy = SdeployProcess.Start("cluster", "--kubeconfig", Kubeconfig, option, value);

        Assert.True(await sdeploy.WaitForExitAsync(Deadline), sdeploy.ToString());
        Assert.Equal(2, sdeploy.ExitCode);
        Assert.Contains(named, sdeploy.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Kubeconfig));
    }

    private async Task WaitForKubeconfigAsync(SdeployProcess sdeploy)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!File.Exists(Kubeconfig))
        {
            Assert.False(sdeploy.HasExited, $"sdeploy ended before writing the kubeconfig: {sdeploy}");
            Assert.True(DateTime.UtcNow < deadline, $"no kubeconfig within {Deadline.TotalSeconds:0} s: {sdeploy}");
            await Task.Delay(100);
        }
    }

    private Task<ProcessResult> KubectlAsync(params string[] arguments) => KubectlWithInputAsync(null, arguments);

    private Task<ProcessResult> KubectlWithInputAsync(string? input, params string[] arguments) =>
        new Kubectl(Kubeconfig, Path.Combine(_directory.FullName, "cache")).RunWithInputAsync(input, [.. arguments, "--request-timeout=5s"]);
}
