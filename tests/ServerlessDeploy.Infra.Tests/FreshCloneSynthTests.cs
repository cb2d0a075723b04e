using System.Diagnostics;
using System.Text.Json;
using ServerlessDeploy.Infra.Bundling;
using Xunit.Abstractions;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// <c>cdk synth</c> in a fresh clone of this checkout's HEAD, with no step of its own: the clone has no
/// tools/node_modules and no artifacts, so the layer is installed (tools/bootstrap.sh, npm preferring its cache) and
/// the functions published (a real <c>dotnet publish</c>, minutes on two cores); a second synthesis into a fresh
/// cdk.out takes them from the cache. Only the CDK CLI comes from this checkout. Slow by nature: the one such test.
/// </summary>
public sealed class FreshCloneSynthTests(ITestOutputHelper output) : IDisposable
{
    private const string Publishing = "ServerlessDeploy.Infra: publishing the functions:";
    private const string Cached = "; not publishing.";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdeploy-clone-" + Guid.NewGuid().ToString("N"));
    private string Clone => Path.Combine(_root, "repo");

    private static readonly Dictionary<string, string> Environment = new() { ["npm_config_prefer_offline"] = "true" };

    [Fact]
    public void A_fresh_clone_synthesizes_installing_the_layer_and_publishing_the_functions_once()
    {
        Git("clone", "--quiet", CdkCli.RepoRoot, Clone);
        Assert.False(File.Exists(Path.Combine(Clone, LayerPackage.ZipPath)));

        var first = Synth("cdk.out.first", TimeSpan.FromMinutes(25));
        output.WriteLine($"first synth: {first.Elapsed.TotalSeconds:0} s");
        Assert.True(first.ExitCode == 0, $"cdk synth exited {first.ExitCode}:\n{first.Output}");
        Assert.Contains("installing the kubectl/helm layer", first.Output, StringComparison.Ordinal);
        Assert.Contains(Publishing, first.Output, StringComparison.Ordinal);
        var (functions, layer) = Assets("cdk.out.first");
        var bootstrap = Path.Combine(functions, "bootstrap");
        Assert.True(File.Exists(bootstrap), $"no bootstrap in {functions}");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute), "bootstrap is not executable");
        Assert.True(File.Exists(layer), $"no layer zip at {layer}");

        var second = Synth("cdk.out.second", TimeSpan.FromMinutes(10));
        output.WriteLine($"second synth (fresh cdk.out): {second.Elapsed.TotalSeconds:0} s");
        Assert.True(second.ExitCode == 0, $"cdk synth exited {second.ExitCode}:\n{second.Output}");
        Assert.DoesNotContain(Publishing, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("installing the kubectl/helm layer", second.Output, StringComparison.Ordinal);
        Assert.Contains(Cached, second.Output, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(functions), Path.GetFileName(Assets("cdk.out.second").Functions));
    }

    private CdkCli.Result Synth(string outDir, TimeSpan timeout)
    {
        var result = CdkCli.Synth(Clone, Path.Combine(Clone, outDir), timeout, [], Environment);
        foreach (var line in result.Output.Split('\n').Where(l => l.StartsWith("ServerlessDeploy.Infra:", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }
        return result;
    }

    /// <summary>The staged folder every function's code comes from, and the layer's zip, from the template's asset metadata.</summary>
    private (string Functions, string Layer) Assets(string outDir)
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(Clone, outDir, "ServerlessDeploy.template.json")));
        var resources = template.RootElement.GetProperty("Resources").EnumerateObject().Select(r => r.Value).ToList();
        string AssetOf(JsonElement resource) =>
            Path.Combine(Clone, outDir, resource.GetProperty("Metadata").GetProperty("aws:asset:path").GetString()!);
        var functions = resources.Where(r => r.GetProperty("Type").GetString() == "AWS::Lambda::Function").Select(AssetOf).Distinct().ToList();
        Assert.Equal(4, resources.Count(r => r.GetProperty("Type").GetString() == "AWS::Lambda::Function"));
        return (Assert.Single(functions), AssetOf(Assert.Single(resources, r => r.GetProperty("Type").GetString() == "AWS::Lambda::LayerVersion")));
    }

    private void Git(params string[] arguments)
    {
        var psi = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        Directory.CreateDirectory(_root);
        using var git = Process.Start(psi)!;
        var errors = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} exited {git.ExitCode}: {errors.Result}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
