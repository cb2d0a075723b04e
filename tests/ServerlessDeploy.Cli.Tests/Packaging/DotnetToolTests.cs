using System.Diagnostics;

namespace ServerlessDeploy.Cli.Tests.Packaging;

/// <summary>
/// sdeploy as a .NET tool, as a user installs it: packed, installed into a tool path, and run from a folder outside the
/// checkout where helm and kubectl are only on PATH; it renders each example app and says where its tools came from.
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sdeploy-tool-");

    [Fact]
    public async Task The_tool_packs_installs_and_renders_every_example_outside_the_checkout_with_helm_and_kubectl_on_PATH()
    {
        var root = RepositoryRoot();
        var packages = Path.Combine(_work.FullName, "packages");
        var toolPath = Path.Combine(_work.FullName, "tools");
        var onPath = Directory.CreateDirectory(Path.Combine(_work.FullName, "path")).FullName;
        foreach (var tool in new[] { "helm", "kubectl" })
        {
            File.CreateSymbolicLink(Path.Combine(onPath, tool), Path.Combine(root, "tools", "bin", tool, tool));
        }

        CopyFolder(Path.Combine(root, "examples"), Path.Combine(_work.FullName, "examples"));
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath!)!;
        var noTools = new Dictionary<string, string?> { ["SDEPLOY_TOOLS_DIR"] = null };

        // Packed from the build these tests run on (bin/<configuration>/net10.0), not built again.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var pack = await RunAsync("dotnet", ["pack", Path.Combine(root, "src", "ServerlessDeploy.Cli"), "--no-build", "-c", configuration, "-o", packages, "--nologo"], root, noTools);
        Assert.True(pack.Exit == 0, pack.ToString());
        Assert.Single(Directory.GetFiles(packages, "ServerlessDeploy.Cli.*.nupkg"));
        var install = await RunAsync("dotnet", ["tool", "install", "ServerlessDeploy.Cli", "--tool-path", toolPath, "--add-source", packages], _work.FullName, noTools);
        Assert.True(install.Exit == 0, install.ToString());

        // Outside the checkout: the tool's own PATH holds helm and kubectl, and dotnet's folder for the tool's host.
        var user = new Dictionary<string, string?> { ["PATH"] = $"{onPath}{Path.PathSeparator}{dotnet}", ["DOTNET_ROOT"] = dotnet, ["SDEPLOY_TOOLS_DIR"] = null };
        var sdeploy = Path.Combine(toolPath, "sdeploy");
        var version = await RunAsync(sdeploy, ["version", "--tools"], _work.FullName, user);
        Assert.True(version.Exit == 0, version.ToString());
        Assert.Matches(@"^sdeploy \d+\.\d+\.\d+\+[0-9a-f]{40}", version.Output);
        Assert.Contains($"helm: {Path.Combine(onPath, "helm")} (from PATH): v4.", version.Output, StringComparison.Ordinal);
        Assert.Contains($"kubectl: {Path.Combine(onPath, "kubectl")} (from PATH): Client Version: v1.34", version.Output, StringComparison.Ordinal);
        foreach (var app in Directory.GetFiles(Path.Combine(_work.FullName, "examples", "apps"), "*.yaml"))
        {
            var render = await RunAsync(sdeploy, ["app", "render", app], _work.FullName, user);
            Assert.True(render.Exit == 0, $"{Path.GetFileName(app)}: {render}");
            Assert.Contains("kind: ", render.Output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<Run> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(limit.Token);
        return new Run(process.ExitCode, await output, await errors);
    }

    private sealed record Run(int Exit, string Output, string Errors)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Errors}";
    }
}
