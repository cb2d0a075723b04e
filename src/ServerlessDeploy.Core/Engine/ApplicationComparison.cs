using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Diff.Ownership;
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
    /// <summary>Who owns what in each live object compared, read once: the sync's takeover uses it without asking the server again.</summary>
    internal IReadOnlyDictionary<ResourceKey, LiveOwnership> Ownership { get; init; } = new Dictionary<ResourceKey, LiveOwnership>();

    /// <summary>
    /// The cluster serves no Rollout and the sync creates the project's definition before it writes anything
    /// (<see cref="ManagedRolloutDefinition"/>); the desired Rollouts have the type it will serve.
    /// </summary>
    internal bool CreatesRolloutDefinition { get; init; }

    /// <summary>
    /// Why the cluster could not be read (discovery or a list failed), also the comparison's only error; null when it was read. Unlike
    /// the other errors it is the cluster's passing fault, so a caller may ask again rather than fail.
    /// </summary>
    public string? Unreadable { get; init; }

    /// <summary>Nothing compared: the cluster could not be read, and why is the only error.</summary>
    public static ApplicationComparison NotRead(Application app, string unreadable) =>
        new(app, [], new Dictionary<ResourceKey, JsonObject>(), [], new Dictionary<ResourceKey, ClusterResourceType>(), [], [unreadable]) { Unreadable = unreadable };

    /// <summary>The diffs that make the application OutOfSync (see <see cref="AppSyncStatus"/>: IgnoreExtraneous leaves some out).</summary>
    public IReadOnlyList<ResourceDiff> OutOfSync => AppSyncStatus.OutOfSync(Diffs, Tracked);

    public bool InSync => Errors.Count == 0 && OutOfSync.Count == 0;
}
