using System.Net;
using ServerlessDeploy.Cli.Commands.Ui;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Pipeline.Config;

namespace ServerlessDeploy.Cli.Tests.Commands.Ui;

/// <summary>How `sdeploy ui` finds the pipeline its actions go through, and what it answers without one.</summary>
public sealed class LocalActionsTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("sdeploy-ui-actions-").FullName;

    [Fact]
    public async Task Without_a_recorded_or_given_config_repository_every_action_is_refused_naming_the_option()
    {
        await using var actions = LocalActionsFactory.Create(new DashboardServerOptions(_state, IPAddress.Loopback, 0) { Kubeconfig = "kubeconfig" }, new DiscoveryCache(TimeProvider.System));

        var receipt = await actions.SubmitAsync(new SyncRequested("shop", null, "alice"), CancellationToken.None);

        Assert.False(receipt.Accepted);
        Assert.Contains("--config-repo", receipt.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_kubeconfig_every_action_is_refused_naming_the_option()
    {
        PipelineSettingsFile.Write(_state, new PipelineSettings("/srv/config.git"));
        await using var actions = LocalActionsFactory.Create(new DashboardServerOptions(_state, IPAddress.Loopback, 0), new DiscoveryCache(TimeProvider.System));

        var receipt = await actions.SubmitAsync(new RefreshRequested("shop", false, "alice"), CancellationToken.None);

        Assert.False(receipt.Accepted);
        Assert.Contains("--kubeconfig", receipt.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_a_local_pipeline_records_read_back_as_given()
    {
        var settings = new PipelineSettings("/srv/config.git", "release", "applications", "teams");

        PipelineSettingsFile.Write(_state, settings);

        Assert.Equal(settings, PipelineSettingsFile.Read(_state));
        Assert.Null(PipelineSettingsFile.Read(Path.Combine(_state, "elsewhere")));
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
