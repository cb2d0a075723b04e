using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Notifications;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The local pipeline the dashboard's actions go through: the config repository given with --config-repo, else the one
/// `sdeploy events replay` or the demo recorded in the state folder; the cluster from --kubeconfig. Without either,
/// actions are refused naming the option.
/// </summary>
internal static class LocalActionsFactory
{
    public static LocalActions Create(DashboardServerOptions options, DiscoveryCache discovery)
    {
        var settings = options.ConfigRepo is { Length: > 0 } repo
            ? new PipelineSettings(repo.Contains("://", StringComparison.Ordinal) ? repo : Path.GetFullPath(repo))
            : PipelineSettingsFile.Read(options.StateFolder);
        if (settings is null)
        {
            return LocalActions.Unavailable($"actions need the config repository: no pipeline has recorded one in {options.StateFolder} ({PipelineSettingsFile.Name}); start sdeploy ui with --config-repo <path|url>");
        }

        if (options.Kubeconfig is not { Length: > 0 } kubeconfig)
        {
            return LocalActions.Unavailable("actions need the cluster: start sdeploy ui with --kubeconfig <file>");
        }

        var console = new CompositeNotifier([new NotificationChannel("console", new ConsoleNotifier(options.Errors))]);
        return LocalActions.Over(LocalDeployer.Create(settings, new KubeconfigClusters(kubeconfig) { Discovery = discovery }, options.StateFolder, console), options.Errors);
    }
}
