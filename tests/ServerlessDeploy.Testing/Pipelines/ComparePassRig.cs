using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Queues;
using ServerlessDeploy.Local.Rendering;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Reconciling;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>
/// A compare pass over a pipeline run's config repository, state and cluster, apart from the run's own so a test can
/// gate its renders and read the deploy queue it sends to: its Git cache and render cache are its own, in the run's
/// state folder (its first renders are cold), it compares one app at a time (what waits behind a render is plain),
/// and its deploy queue is a FIFO queue that nothing receives from.
/// </summary>
public sealed class ComparePassRig
{
    public ComparePassRig(PipelineRun run, string kubeconfigPath)
    {
        ArgumentNullException.ThrowIfNull(run);
        var folder = Path.Combine(run.StateFolder, "compare-pass-rig");
        var tools = ToolPaths.FromProcess();
        var renderer = new ManifestRenderer(tools, new ProcessRunner());
        Gate = new GatedRenderer(renderer);
        var settings = new PipelineSettings(run.Config.Url);
        var sources = new GitSourceRepository(new GitSources(new GitSourceOptions(Path.Combine(folder, "git")), TimeProvider.System), new NoGitCredentials());
        var renders = new CachedRenders(Gate, new DiskRenderCache(Path.Combine(folder, DiskRenderCache.FolderName)), ToolVersions.Of(tools));
        Pass = new ComparePass(
            new ConfigRepository(sources, settings), sources, DeployerStore.Of(run.Local.Store), new KubeconfigClusters(kubeconfigPath),
            renderer, renders, DeployQueue, settings, TimeProvider.System, appsAtOnce: 1);
    }

    /// <summary>Holds every render of the pass until released.</summary>
    public GatedRenderer Gate { get; }

    public InMemoryQueue DeployQueue { get; } = new("deploy.fifo", true, TimeProvider.System, TimeSpan.FromMinutes(15));

    public ComparePass Pass { get; }

    /// <summary>A tick's pass of every app on the local cluster's server, in one shard.</summary>
    public static ComparePassRequest TickPass(string passId) =>
        new("server:https://kubernetes.default.svc", 0, 1, passId, DateTimeOffset.UtcNow);
}
