using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// The lists one sync has read, per kind and namespace, each with the number of writes the sync had sent before it.
/// A list read after the sync's last write is as current as a new one, so health is assessed from it instead of
/// listing again: a no-op re-sync from its comparison's lists, the final health from the last wave's wait. The health
/// of each listed object is assessed once, however often its list is reused.
/// </summary>
internal sealed class LiveReads
{
    private readonly ConcurrentDictionary<(ClusterResourceType Type, string? Namespace), (IReadOnlyDictionary<ResourceKey, JsonObject> Items, long Writes)> _lists = new();
    private readonly ConditionalWeakTable<JsonObject, StrongBox<HealthResult?>> _health = new();
    private long _writes;

    /// <summary>The comparison's lists: of each kind and namespace rendered, the objects the render names.</summary>
    public static LiveReads Of(ApplicationComparison comparison)
    {
        var reads = new LiveReads();
        foreach (var group in comparison.Desired.Where(m => comparison.Types.ContainsKey(m.Key)).GroupBy(m => ListOf(comparison.Types[m.Key], m.Key)))
        {
            var items = group.Where(m => comparison.Live.ContainsKey(m.Key)).ToDictionary(m => m.Key, m => comparison.Live[m.Key]);
            reads.Listed(group.Key.Type, group.Key.Namespace, items);
        }

        return reads;
    }

    public static (ClusterResourceType Type, string? Namespace) ListOf(ClusterResourceType type, ResourceKey key) => (type, type.Namespaced ? key.Namespace : null);

    /// <summary>Called before every write the sync sends (dry runs excepted): every list read so far may be stale after it.</summary>
    public void Writing() => Interlocked.Increment(ref _writes);

    public void Listed(ClusterResourceType type, string? ns, IReadOnlyDictionary<ResourceKey, JsonObject> items) =>
        _lists[(type, ns)] = (items, Volatile.Read(ref _writes));

    /// <summary>The health of a listed object (null for kinds without a rule), assessed on first asking.</summary>
    public HealthResult? HealthOf(JsonObject listed) => _health.GetValue(listed, o => new StrongBox<HealthResult?>(HealthAssessment.Of(o))).Value;

    /// <summary>The objects of a kind and namespace as last listed, or null when none was listed since the sync's last write.</summary>
    public IReadOnlyDictionary<ResourceKey, JsonObject>? Current(ClusterResourceType type, string? ns) =>
        _lists.TryGetValue((type, ns), out var read) && read.Writes == Volatile.Read(ref _writes) ? read.Items : null;
}
