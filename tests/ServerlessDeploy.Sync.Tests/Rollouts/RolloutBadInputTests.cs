using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Sync.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Rollouts;

namespace ServerlessDeploy.Sync.Tests.Rollouts;

/// <summary>
/// Each kind of invalid Rollout, synced against the local API server: one error naming the field, and nothing applied —
/// not the Services beside it, not the namespace.
/// </summary>
public sealed class RolloutBadInputTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("rollout-bad-");

    [Theory]
    [InlineData("  strategy:\n    canary:", "  strategy:\n    blueGreen: {activeService: web-stable}\n    canary:", "spec.strategy: Invalid value: blueGreen: true canary: true: Multiple Strategies can not be listed")]
    [InlineData("      stableService: web-stable", "      stableService: web-stable\n      maxSurge: 0\n      maxUnavailable: 0", "spec.strategy.canary.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero")]
    [InlineData("        - pause: {}", "        - wait: {}", "spec.strategy.canary.steps[1]: Invalid value: {\"wait\":{}}: Step must have one of the following set")]
    [InlineData("pause: {duration: 1s}", "pause: {duration: soon}", "spec.strategy.canary.steps[3].pause.duration: Invalid value: -1: Duration needs to be greater than 0")]
    [InlineData("- setWeight: 25", "- setWeight: -5", "spec.strategy.canary.steps[0].setWeight: Invalid value: -5: SetWeight needs to be between 0 and 100")]
    [InlineData("- setWeight: 50", "- setWeight: 101", "spec.strategy.canary.steps[2].setWeight: Invalid value: 101: SetWeight needs to be between 0 and 100")]
    [InlineData("    matchLabels:\n      app: web", "    matchLabels:\n      app: shop", "`selector` does not match template `labels`")]
    [InlineData("      canaryService: web-canary", "      canaryService: web-preview", "spec.strategy.canary.canaryService: Service \"web-preview\" is not part of the application")]
    [InlineData("      canaryService: web-canary", "      canaryService: web-canary\n      trafficRouting: {nginx: {stableIngress: web}}", "spec.strategy.canary.trafficRouting is not supported yet")]
    [InlineData("  strategy:\n    canary:", "  restartAt: \"2026-12-06 08:00\"\n  strategy:\n    canary:", "spec.restartAt: Invalid value: \"2026-12-06 08:00\": must be an RFC 3339 time")]
    public async Task An_invalid_Rollout_is_one_error_naming_its_field_and_nothing_is_applied(string find, string replace, string error)
    {
        await RolloutCrd.InstallAsync(fixture);
        var manifest = await File.ReadAllTextAsync(Path.Combine(TestApps.Repository, "rollout", "rollout.yaml"));
        Assert.Contains(find, manifest, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(_repository.FullName, "bad"));
        await File.WriteAllTextAsync(Path.Combine(_repository.FullName, "bad", "rollout.yaml"), manifest.Replace(find, replace, StringComparison.Ordinal));
        var app = TestApps.Create(TestApps.UniqueName("ro-bad"), "bad");
        var requests = new RequestsSince(fixture.Server);

        var result = await new Deployer(fixture).Engine().SyncAsync(
            app, AppProject.Default, _repository.FullName, Deployer.Revision, new SyncRequest(HealthTimeout: Deployer.HealthTimeout), [], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains($"argoproj.io/Rollout:{app.Destination.Namespace}/web: ", result.Message, StringComparison.Ordinal);
        Assert.Contains(error, result.Message, StringComparison.Ordinal);
        Assert.EndsWith("(nothing was changed)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Writes);
    }

    public void Dispose() => _repository.Delete(recursive: true);
}
