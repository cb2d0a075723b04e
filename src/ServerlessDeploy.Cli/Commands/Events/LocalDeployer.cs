using ServerlessDeploy.Git;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Notifications;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Cli.Commands.Events;

/// <summary>
/// The router and deployer wired on the embedded defaults: SQLite state and the Git cache under the state folder,
/// in-memory queues, the clusters of a kubeconfig, notifications on the console.
/// </summary>
internal sealed class LocalDeployer
{
    private LocalDeployer(LocalPipeline pipeline, IStateStore store)
    {
        Pipeline = pipeline;
        Store = store;
    }

    public LocalPipeline Pipeline { get; }

    public IStateStore Store { get; }

    public static LocalDeployer Create(PipelineSettings settings, string kubeconfig, string stateFolder, TextWriter output, TimeSpan? invocationTime = null)
    {
        Directory.CreateDirectory(stateFolder);
        var time = TimeProvider.System;
        var sources = new GitSources(new GitSourceOptions(Path.Combine(stateFolder, "git")), time);
        var credentials = new NoGitCredentials();
        var config = new ConfigRepository(sources, settings, credentials);
        var store = new SqliteStateStore(stateFolder);
        var renderer = new ManifestRenderer(ToolPaths.FromProcess(), new ProcessRunner());
        var deployer = new Deployer(config, sources, credentials, store, new KubeconfigClusters(kubeconfig), renderer, new ConsoleNotifier(output), settings, time);
        var pipeline = new LocalPipeline(
            LocalQueues.Create(time),
            queue => new RouterHandler(new Router(config, sources, credentials, settings, queue, time)),
            visibility => new DeployerHandler(deployer, visibility),
            store,
            time,
            invocationTime);
        return new LocalDeployer(pipeline, store);
    }
}
