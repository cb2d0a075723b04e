using Microsoft.Extensions.DependencyInjection;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The dashboard's live ports on this machine: clusters through the kubeconfig given (none without one), and the desired
/// state from the Git cache the local pipeline keeps in the state folder (LocalDeployer's), rendered as it renders.
/// </summary>
internal static class LiveReadServices
{
    public static IServiceCollection AddLiveReads(this IServiceCollection services, string stateFolder, string? kubeconfig, DiscoveryCache discovery)
    {
        IClusterConnector connector = kubeconfig is null ? new NoKubeconfig() : new KubeconfigClusters(kubeconfig) { Discovery = discovery };
        var clusters = new DestinationClients(connector);
        var sources = new GitSourceRepository(new GitSources(new GitSourceOptions(Path.Combine(stateFolder, "git")), TimeProvider.System), new NoGitCredentials());
        IManifestRenderer renderer = new ManifestRenderer(ToolPaths.FromProcess(), new ProcessRunner());
        return services
            .AddSingleton<ILiveResources>(new ClusterLiveResources(clusters))
            .AddSingleton<IDesiredManifests>(new GitDesiredManifests(sources, renderer, clusters));
    }
}
