using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Options;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Which resource diffs make an application OutOfSync, as Argo CD decides it: every one that is not Synced, except an
/// extraneous resource (tracked, no longer in Git) whose live object carries the compare option IgnoreExtraneous. That
/// resource stays Extraneous itself, and is still pruned when pruning is on; only the application's status ignores it.
/// </summary>
internal static class AppSyncStatus
{
    public static IReadOnlyList<ResourceDiff> OutOfSync(IReadOnlyList<ResourceDiff> diffs, IReadOnlyList<JsonObject> tracked)
    {
        var ignored = tracked.Select(t => new Manifest(t)).Where(IgnoresExtraneous).Select(t => t.Key).ToHashSet();
        return [.. diffs.Where(d => d.Status != SyncStatus.Synced && !(d.Status == SyncStatus.Extraneous && ignored.Contains(d.Key)))];
    }

    private static bool IgnoresExtraneous(Manifest live) =>
        live.Annotations.TryGetValue(CompareOptionsAnnotation.Name, out var options)
        && options.Split(',', StringSplitOptions.TrimEntries).Contains(CompareOptionsAnnotation.IgnoreExtraneous, StringComparer.Ordinal);
}
