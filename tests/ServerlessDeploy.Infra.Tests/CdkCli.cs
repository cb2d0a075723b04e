using System.Diagnostics;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// The real CDK CLI that tools/bootstrap.sh installs in this checkout, run offline over the cdk.json of a working
/// directory (this checkout, or a clone of it).
/// </summary>
public static class CdkCli
{
    public static readonly string RepoRoot = FindRepoRoot();

    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
    {
        public string Output => Stdout + Stderr;
    }

    public static Result Synth(string workingDirectory, string outDir, TimeSpan timeout, IEnumerable<string> extraArgs,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var cdk = Path.Combine(RepoRoot, "tools", "node_modules", ".bin", "cdk");
        Assert.True(File.Exists(cdk), $"{cdk} is missing: run `bash tools/bootstrap.sh`");
        var psi = new ProcessStartInfo(cdk)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "synth", "--quiet", "--no-notices", "--no-version-reporting", "-o", outDir }.Concat(extraArgs))
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["CDK_DEFAULT_ACCOUNT"] = "111111111111";
        psi.Environment["CDK_DEFAULT_REGION"] = "eu-west-1";
        psi.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"cdk synth did not finish in {timeout}");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cdk.json")) && Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cdk.json not found above " + AppContext.BaseDirectory);
    }
}
