using Amazon.CDK;
using ServerlessDeploy.Infra.Bundling;
using ServerlessDeploy.Infra.Deployer;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// Without <c>functionsCodePath</c> the functions are a bundled asset: CDK's local bundling publishes them from the
/// checkout (here a small one with a fake process runner), once per inputs' hash, and a failure reaches the host as
/// the plain error rather than CDK's wrapping of it.
/// </summary>
public sealed class BundledCodeTests : IDisposable
{
    private readonly TestCheckout _checkout = new();
    private readonly TestCode _code = new();
    private readonly List<string> _outDirs = [];

    private DeployerStack Synthesize(string? outDir = null)
    {
        outDir ??= Path.Combine(Path.GetTempPath(), "sdeploy-bundled-" + Guid.NewGuid().ToString("N"));
        _outDirs.Add(outDir);
        var context = StackFixture.FullContext(_code);
        context.Remove(InfraSettings.FunctionsCodePathKey);
        var app = new App(new AppProps { Context = context, Outdir = outDir });
        return new DeployerStack(app, "Bundled", InfraSettings.FromContext(app.Node),
            new StackProps { Env = new Amazon.CDK.Environment { Account = StackFixture.Account, Region = StackFixture.Region } }, _checkout.Checkout);
    }

    private static string StagedFunctions(string outDir) =>
        Assert.Single(Directory.GetDirectories(outDir, "asset.*"), d => File.Exists(Path.Combine(d, "bootstrap")));

    private int CachedLines => _checkout.Log.ToString().Split('\n').Count(l => l.Contains("not publishing", StringComparison.Ordinal));

    [Fact]
    public void The_functions_are_published_once_for_their_inputs_and_staged_from_the_cache_or_not_at_all()
    {
        Synthesize();
        var staged = StagedFunctions(_outDirs[0]);
        Assert.Equal(1, _checkout.Processes.DotnetRuns);
        Assert.Equal(Path.GetFileName(staged), Path.GetFileName(StagedFunctions(_outDirs[0])));

        // A fresh cdk.out: the same asset, copied from the cache, not published again.
        Synthesize();
        Assert.Equal(Path.GetFileName(staged), Path.GetFileName(StagedFunctions(_outDirs[1])));
        Assert.Equal(1, _checkout.Processes.DotnetRuns);
        Assert.Equal(1, CachedLines);

        // The same cdk.out: CDK has the asset for this hash and does not bundle at all.
        Synthesize(_outDirs[1]);
        Assert.Equal(1, CachedLines);
        Assert.Equal(1, _checkout.Processes.DotnetRuns);
    }

    [Fact]
    public void A_failed_publish_stops_synthesis_and_the_host_gets_the_plain_error()
    {
        _checkout.Processes.Handler = (_, _) => new ProcessResult(true, 1, "Model.cs(1,7): error CS1002: ; expected\n");
        var e = Assert.ThrowsAny<Exception>(() => Synthesize());
        Assert.Contains("Publishing the functions failed", e.Message, StringComparison.Ordinal);
        var failure = Assert.IsType<BundlingException>(_checkout.Checkout.BundlingFailure);
        Assert.EndsWith("error CS1002: ; expected", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_publish_over_the_size_limit_stops_synthesis_with_the_numbers()
    {
        var folder = _checkout.Cache.Folder(FunctionsInputs.Hash(_checkout.Root));
        Directory.CreateDirectory(folder);
        using (var bootstrap = File.Create(Path.Combine(folder, "bootstrap")))
        {
            bootstrap.SetLength(250L * 1024 * 1024);
        }
        var e = Assert.Throws<BundlingException>(() => Synthesize());
        Assert.Contains($"{250L * 1024 * 1024} bytes + 16 bytes of layer", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _checkout.Processes.DotnetRuns);
    }

    public void Dispose()
    {
        _checkout.Dispose();
        _code.Dispose();
        foreach (var dir in _outDirs.Where(Directory.Exists))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
