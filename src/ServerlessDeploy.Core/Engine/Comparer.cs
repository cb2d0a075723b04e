using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Diff.Ownership;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Hooks;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Compares an application's rendered manifests with the cluster. A difference seen client-side is confirmed with
/// a server-side dry-run apply before it is reported, so fields the API server defaults are never drift. A field Git
/// owned (managedFields) and no longer sets is drift without a dry run: the next apply removes it. Hooks are
/// run by a sync, not compared: they have no diff and are never extraneous. Reads stay within <paramref name="scope"/>.
/// </summary>
internal sealed class Comparer(IClusterClient cluster, ReadScope scope, int concurrency)
{
    public async Task<ApplicationComparison> CompareAsync(Application app, IReadOnlyList<Manifest> rendered, CancellationToken cancellationToken)
    {
        var (desired, types, errors, undiscovered, createsRolloutDefinition) = await DesiredState.PrepareAsync(cluster, app, rendered, cancellationToken);
        if (undiscovered is not null)
        {
            return ApplicationComparison.NotRead(app, undiscovered);
        }

        errors.AddRange(ClusterLevelRefusal.Of(scope, desired, types));
        var (live, tracked, unreadable) = await LiveState.ReadAsync(cluster, app, desired, types, scope, concurrency, cancellationToken);
        if (unreadable is not null)
        {
            // Nothing is compared against a cluster that could not be read.
            return new ApplicationComparison(app, desired, live, [], types, [], [unreadable]) { Unreadable = unreadable };
        }

        errors.AddRange(OwnershipConflicts(app, desired, live));
        var diffs = new ConcurrentDictionary<ResourceKey, ResourceDiff>();
        var owners = new ConcurrentDictionary<ResourceKey, LiveOwnership>();
        var compared = desired.Where(m => !HookAnnotation.IsHook(m)).ToList();
        await Parallel.ForEachAsync(compared, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (manifest, token) =>
        {
            var current = live.GetValueOrDefault(manifest.Key);
            var ownership = current is null ? LiveOwnership.None : owners[manifest.Key] = await OwnershipAsync(types[manifest.Key], current, token);
            var diff = Differ.Compare(manifest, current, app.IgnoreDifferences, ownership);
            if (current is not null && diff.Status == SyncStatus.OutOfSync && diff.ChangedFields.Count > diff.RemovedFields.Count
                && await OnlyDefaultsDifferAsync(manifest, types[manifest.Key], current, WriteValidation.Of(app, manifest), token))
            {
                // What the server fills in is never drift; what Git stopped setting still is.
                diff = diff.RemovedFields.Count == 0
                    ? diff with { Status = SyncStatus.Synced, ChangedFields = [], Text = "" }
                    : diff with { ChangedFields = diff.RemovedFields };
            }

            diffs[manifest.Key] = diff with { Reapply = current is not null && Reapplies(app, manifest, ownership) };
        });
        var wanted = desired.Select(m => m.Key).ToHashSet();
        var extraneous = tracked.Select(t => new Manifest(t)).Where(t => !wanted.Contains(t.Key) && !HookAnnotation.IsHook(t)).Select(t => Differ.Extraneous(t.Key, t.Json));
        var ordered = compared.Select(m => diffs[m.Key]).Concat(extraneous).ToList();
        return new ApplicationComparison(app, desired, live, tracked, types, ordered, errors) { Ownership = owners, CreatesRolloutDefinition = createsRolloutDefinition };
    }

    /// <summary>
    /// The live object's owners. The fields a kubectl last-applied annotation names, when they decide what is taken
    /// over, are asked of the API server: a dry-run apply of that configuration under a probe manager names them as
    /// the schema keys them.
    /// </summary>
    private async Task<LiveOwnership> OwnershipAsync(ClusterResourceType type, JsonObject live, CancellationToken cancellationToken)
    {
        if (!LiveOwnership.NeedsLastAppliedFields(live))
        {
            return LiveOwnership.Of(live);
        }

        var lastApplied = await LastAppliedFields.ReadAsync(cluster, type, live, cancellationToken);
        return LiveOwnership.Of(live, lastApplied);
    }

    /// <summary>An existing resource a sync applies even when Synced, so that our manager comes to own what Git sets.</summary>
    private static bool Reapplies(Application app, Manifest manifest, LiveOwnership ownership) =>
        (!ownership.HasOurEntry || ownership.NeedsTakeover) && !app.SyncPolicy.Options.Replace && !ResourceAnnotations.Read(manifest).Options.Replace;

    private async Task<bool> OnlyDefaultsDifferAsync(Manifest desired, ClusterResourceType type, JsonObject live, bool validate, CancellationToken cancellationToken)
    {
        var dryRun = await cluster.ApplyAsync(type, desired.Json, new ApplyOptions(DryRun: true, Validate: validate), cancellationToken);
        return dryRun.Succeeded && dryRun.Body is { } wouldBe && Differ.SameOnDesiredFields(desired, wouldBe, live);
    }

    private static IEnumerable<string> OwnershipConflicts(Application app, IReadOnlyList<Manifest> desired, Dictionary<ResourceKey, JsonObject> live)
    {
        foreach (var manifest in desired)
        {
            if (live.TryGetValue(manifest.Key, out var current) && AppTracking.Owner(current) is { } owner && owner.App != app.Name)
            {
                var by = owner.ByArgoCd ? "Argo CD application" : "application";
                yield return $"{manifest.Key} belongs to {by} '{owner.App}', not '{app.Name}': refusing to overwrite it";
            }
        }
    }
}
