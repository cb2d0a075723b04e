using System.Text.Json;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// Runs the real CDK CLI (tools/bootstrap.sh installs it) over cdk.json at the repository root, offline. The functions
/// folder is a prepared dummy (a 16-byte <c>bootstrap</c>) given with -c, so nothing is published here
/// (<see cref="FreshCloneSynthTests"/> synthesizes without it); the layer is the real one from tools/node_modules.
/// </summary>
public sealed class CdkCliSynthTests : IDisposable
{
    private readonly string _outDir = Path.Combine(Path.GetTempPath(), "sdeploy-cdk-" + Guid.NewGuid().ToString("N"));
    private readonly TestCode _code = new();

    private (int ExitCode, string Stdout, string Stderr) Synth(params string[] extraArgs)
    {
        var result = CdkCli.Synth(CdkCli.RepoRoot, _outDir, TimeSpan.FromMinutes(3),
            new[] { "-c", InfraSettings.FunctionsCodePathKey + "=" + _code.FunctionsFolder }.Concat(extraArgs));
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    [Fact]
    public void Cdk_synth_exits_zero_and_writes_the_template_and_fails_clearly_on_bad_context()
    {
        var (code, _, stderr) = Synth();
        Assert.True(code == 0, $"cdk synth exited {code}: {stderr}");
        var templatePath = Path.Combine(_outDir, "ServerlessDeploy.template.json");
        Assert.True(File.Exists(templatePath), "no template written: " + stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(templatePath));
        var types = doc.RootElement.GetProperty("Resources").EnumerateObject()
            .Select(r => r.Value.GetProperty("Type").GetString()).ToList();
        Assert.Equal(6, types.Count(t => t == "AWS::SQS::Queue"));
        Assert.Equal(1, types.Count(t => t == "AWS::DynamoDB::Table"));
        Assert.Equal(2, types.Count(t => t == "AWS::Events::Rule"));
        Assert.Equal(4, types.Count(t => t == "AWS::Lambda::Function"));
        Assert.Equal(7, types.Count(t => t == "AWS::CloudWatch::Alarm"));
        Assert.Equal(1, types.Count(t => t == "AWS::Scheduler::ScheduleGroup"));
        Assert.Contains(doc.RootElement.GetProperty("Resources").EnumerateObject(),
            r => r.Value.GetProperty("Type").GetString() == "AWS::Scheduler::Schedule"
                 && r.Value.GetProperty("Properties").GetProperty("ScheduleExpression").GetString() == "rate(3 minutes)");

        // Same CLI, one bad context value: non-zero exit and one message naming the key. Run in the same test
        // so the two `dotnet run` builds of the infra project never overlap.
        var (badCode, badOut, badErr) = Synth("-c", InfraSettings.ReconcileIntervalMinutesKey + "=0");
        Assert.NotEqual(0, badCode);
        Assert.Contains($"CDK context '{InfraSettings.ReconcileIntervalMinutesKey}' has invalid value '0'", badOut + badErr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _code.Dispose();
        if (Directory.Exists(_outDir))
        {
            Directory.Delete(_outDir, recursive: true);
        }
    }
}
