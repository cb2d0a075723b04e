using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Local.Rendering;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Local.Timers;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Reconciling;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;
using ITimer = ServerlessDeploy.Pipeline.Timers.ITimer;

namespace ServerlessDeploy.Local.Hosting;

/// <summary>
/// The router and deployer wired on the embedded defaults (what `sdeploy events replay` and `sdeploy demo` run):
/// SQLite state, timers, the Git cache and the render cache under the state folder, in-memory queues, the real renderer. The settings are
/// recorded in the state folder (<see cref="PipelineSettingsFile"/>) for `sdeploy ui` to carry out actions with.
/// </summary>
public sealed class LocalDeployer : IDisposable
{
    private LocalDeployer(LocalPipeline pipeline, SqliteStateStore store, SqliteTimers timers, Deployer deployer, CachedRenders renders)
    {
        Pipeline = pipeline;
        Store = store;
        Timers = timers;
        Deployer = deployer;
        Renders = renders;
    }

    public LocalPipeline Pipeline { get; }

    public SqliteStateStore Store { get; }

    public Deployer Deployer { get; }

    /// <summary>Renders through the render cache in the state folder (<see cref="DiskRenderCache.FolderName"/>), with the deployer's renderer and tools.</summary>
    public CachedRenders Renders { get; }

    /// <summary>The wake-ups booked by waiting syncs, in the state folder.</summary>
    public SqliteTimers Timers { get; }

    /// <param name="invocationTime">When set, each deploy gets a deadline this far ahead, as a Lambda invocation does.</param>
    /// <param name="timer">Where waiting syncs book their wake-ups: the state folder's SQLite timers unless given (the AWS timer, in a test of the function).</param>
    public static LocalDeployer Create(
        PipelineSettings settings, IClusterConnector clusters, string stateFolder, CompositeNotifier notifier, LocalQueues? queues = null, TimeSpan? invocationTime = null, ITimer? timer = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Directory.CreateDirectory(stateFolder);
        PipelineSettingsFile.Write(stateFolder, settings);
        var time = TimeProvider.System;
        var git = new GitSources(new GitSourceOptions(Path.Combine(stateFolder, "git")), time);
        var credentials = new NoGitCredentials();
        var sources = new GitSourceRepository(git, credentials);
        var config = new ConfigRepository(sources, settings);
        var store = new SqliteStateStore(stateFolder);
        var tools = ToolPaths.FromProcess();
        var renderer = new ManifestRenderer(tools, new ProcessRunner());
        var renders = new CachedRenders(renderer, new DiskRenderCache(Path.Combine(stateFolder, DiskRenderCache.FolderName)), ToolVersions.Of(tools));
        var images = new ImageUpdater(store, new NoImageRegistry(), new GitSourceWriter(git, credentials), ImageUpdateSettings.Default);
        var timers = new SqliteTimers(stateFolder, time);
        var deployer = new Deployer(config, sources, DeployerStore.Of(store), clusters, renderer, notifier, images, settings, time, new SyncWaits(store, timer ?? timers));
        var localQueues = queues ?? LocalQueues.Create(time);
        var comparePass = new ComparePass(config, sources, DeployerStore.Of(store), clusters, renderer, renders, localQueues.Deploy, settings, time);
        var pipeline = new LocalPipeline(
            localQueues,
            queue => new RouterHandler(new Router(config, sources, settings, queue, store, time)),
            visibility => new DeployerHandler(deployer, visibility, comparePass),
            store,
            time,
            invocationTime,
            timers);
        return new LocalDeployer(pipeline, store, timers, deployer, renders);
    }

    public void Dispose()
    {
        Store.Dispose();
        Timers.Dispose();
    }
}
