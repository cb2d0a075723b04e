using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>Git against the cluster for one application: the desired manifests (tracked, namespaced), the live objects, and each resource's diff.</summary>
public sealed record ApplicationComparison(
    Application Application,
    IReadOnlyList<Manifest> Desired,
    IReadOnlyDictionary<ResourceKey, JsonObject> Live,
    IReadOnlyList<JsonObject> Tracked,
    IReadOnlyDictionary<ResourceKey, ClusterResourceType> Types,
    IReadOnlyList<ResourceDiff> Diffs,
    IReadOnlyList<string> Errors)
{
    public bool InSync => Errors.Count == 0 && Diffs.All(d => d.Status == SyncStatus.Synced);
}
