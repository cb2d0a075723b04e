using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>A config repository and a local deployer on it (SQLite state in its own folder), against a fixture's cluster.</summary>
public sealed class PipelineRun : IDisposable
{

    /// <param name="notifier">The deployer's notifier; null means <see cref="Notifier"/>, which records every notification.</param>
    /// <param name="timer">Where waiting syncs book wake-ups; null means the state folder's SQLite timers.</param>
    public PipelineRun(
        ClusterFixture cluster, Func<PipelineSettings, PipelineSettings>? configure = null, TimeSpan? invocationTime = null, CompositeNotifier? notifier = null, Pipeline.Timers.ITimer? timer = null)
    {
        StateFolder = Directory.CreateTempSubdirectory("sdeploy-pipeline-state-").FullName;
        Config = ConfigRepo.Create();
        var settings = new PipelineSettings(Config.Url) { HealthTimeout = TimeSpan.FromSeconds(30) };
        Local = LocalDeployer.Create(configure?.Invoke(settings) ?? settings, new KubeconfigClusters(cluster.KubeconfigPath), StateFolder, notifier ?? Channels(Notifier), invocationTime: invocationTime, timer: timer);
    }

    public ConfigRepo Config { get; }

    /// <summary>The SQLite state and Git cache, as `sdeploy ui --state` and `sdeploy events replay --state` take it.</summary>
    public string StateFolder { get; }

    /// <summary>The one notifier as the deployer's only channel.</summary>
    public static CompositeNotifier Channels(INotifier notifier) => new([new NotificationChannel("test", notifier)]);

    public RecordingNotifier Notifier { get; } = new();

    public LocalDeployer Local { get; }

    public void Dispose()
    {
        Local.Dispose();
        Config.Dispose();
        try
        {
            Directory.Delete(StateFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to the temp folder's cleaner.
        }
    }
}
