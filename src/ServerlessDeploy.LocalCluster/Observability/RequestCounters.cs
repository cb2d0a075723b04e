using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Observability;

/// <summary>Requests counted by verb and resource, dry runs apart: what benchmarks and tests read to see what a client did.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<RequestKind, long> _counts = new();

    public void Count(RequestKind kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<RequestKind, long> Snapshot() => new Dictionary<RequestKind, long>(_counts);

    /// <summary>The total for one verb (all resources), dry runs included or not.</summary>
    public long Total(string verb, bool? dryRun = null) =>
        _counts.Where(p => p.Key.Verb == verb && (dryRun is null || p.Key.DryRun == dryRun)).Sum(p => p.Value);

    /// <summary>Writes that change state: create, update, patch, apply, delete, deletecollection, not dry runs.</summary>
    public long Writes() =>
        _counts.Where(p => !p.Key.DryRun && p.Key.Verb is "create" or "update" or "patch" or "apply" or "delete" or "deletecollection").Sum(p => p.Value);

    public void Reset() => _counts.Clear();

    internal JsonObject ToJson() => new()
    {
        ["requests"] = new JsonArray(_counts.OrderBy(p => p.Key.Verb, StringComparer.Ordinal).ThenBy(p => p.Key.Resource, StringComparer.Ordinal)
            .Select(p => (JsonNode)new JsonObject
            {
                ["verb"] = p.Key.Verb,
                ["resource"] = p.Key.Resource,
                ["dryRun"] = p.Key.DryRun,
                ["count"] = p.Value,
            }).ToArray()),
    };
}
