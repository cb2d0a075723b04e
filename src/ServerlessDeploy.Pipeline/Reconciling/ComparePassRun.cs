using System.Collections.Concurrent;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Fleet;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// What one pass shares across its apps: the request, the cluster and its snapshot, the configuration and the states
/// read before it, each branch resolved once, and the render cache's tally. Each app reads within the cluster's scope as
/// its own request would (not the pass's wider one), so both look for what it left behind in the same namespaces.
/// </summary>
internal sealed class ComparePassRun(IClusterClient cluster, ClusterSnapshot snapshot, ReadScope scope, ConfigSnapshot config, IReadOnlyDictionary<string, AppState> states, ComparePassRequest request)
{
    private int _hits;
    private int _misses;

    public IClusterClient Cluster { get; } = cluster;

    public ClusterSnapshot Snapshot { get; } = snapshot;

    public ReadScope Scope { get; } = scope;

    public ConfigSnapshot Config { get; } = config;

    public ComparePassRequest Request { get; } = request;

    public ConcurrentDictionary<(string Repo, string Revision), Task<RevisionLookup>> Revisions { get; } = new();

    public int Hits => Volatile.Read(ref _hits);

    public int Misses => Volatile.Read(ref _misses);

    public AppState? StateOf(string app) => states.GetValueOrDefault(app);

    public void Rendered(bool hit) => Interlocked.Increment(ref hit ? ref _hits : ref _misses);
}
