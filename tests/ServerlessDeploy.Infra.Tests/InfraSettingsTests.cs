using Amazon.CDK;
using ServerlessDeploy.Infra;

namespace ServerlessDeploy.Infra.Tests;

public sealed class InfraSettingsTests
{
    private static InfraSettings Read(string key, object? value)
    {
        var context = StackFixture.ValidContext();
        if (value is null)
        {
            context.Remove(key);
        }
        else
        {
            context[key] = value;
        }
        return InfraSettings.FromValues(k => context.TryGetValue(k, out var v) ? v : null);
    }

    [Fact]
    public void Valid_context_reads_into_typed_settings()
    {
        var s = Read(InfraSettings.ReconcileIntervalMinutesKey, 3d);
        Assert.Equal(new Uri("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config"), s.ConfigRepositoryUrl);
        Assert.Equal("main", s.ConfigBranch);
        Assert.Equal("clusters/prod/apps", s.AppsPath);
        Assert.Equal(3, s.ReconcileIntervalMinutes);
        Assert.Equal(120, s.DeployerTimeoutSeconds);
        Assert.Equal(720, s.DeployVisibilityTimeoutSeconds);
    }

    [Theory]
    [InlineData(InfraSettings.ConfigRepositoryUrlKey, null, "missing")]
    [InlineData(InfraSettings.ConfigRepositoryUrlKey, "not a url", "invalid value 'not a url'")]
    [InlineData(InfraSettings.ConfigRepositoryUrlKey, "ftp://example.com/repo", "invalid value")]
    [InlineData(InfraSettings.ConfigBranchKey, "", "missing or empty")]
    [InlineData(InfraSettings.ConfigBranchKey, "feature branch", "Git branch name")]
    [InlineData(InfraSettings.ConfigBranchKey, "a..b", "Git branch name")]
    [InlineData(InfraSettings.AppsPathKey, "/abs/apps", "relative path")]
    [InlineData(InfraSettings.AppsPathKey, "apps/../secrets", "relative path")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, 0, "invalid value '0'")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, "1441", "1 to 1440")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, 2.5, "invalid value '2.5'")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, "three", "invalid value 'three'")]
    [InlineData(InfraSettings.ReconcileIntervalMinutesKey, null, "missing")]
    [InlineData(InfraSettings.DeployerTimeoutSecondsKey, 901, "1 to 900")]
    public void Invalid_value_throws_one_message_naming_the_context_key(string key, object? value, string expected)
    {
        var e = Assert.Throws<InfraSettingsException>(() => Read(key, value));
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthesis_from_an_App_with_invalid_context_throws_naming_the_key()
    {
        var context = StackFixture.ValidContext();
        context[InfraSettings.DeployerTimeoutSecondsKey] = 0;
        var app = new App(new AppProps { Context = context });
        var e = Assert.Throws<InfraSettingsException>(() => InfraSettings.FromContext(app.Node));
        Assert.Contains($"'{InfraSettings.DeployerTimeoutSecondsKey}'", e.Message, StringComparison.Ordinal);
    }
}
