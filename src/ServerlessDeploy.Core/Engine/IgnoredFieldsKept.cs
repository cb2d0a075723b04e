using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Argo CD's <c>RespectIgnoreDifferences=true</c>, as its controller does it before a sync: in each desired manifest
/// whose object the cluster has, every field spec.ignoreDifferences names for it (its JSON pointers, and the fields its
/// managedFieldsManagers own in the live object) takes the live value, or is left out where the live object has none.
/// The apply then leaves those fields as they are: a replicas an autoscaler manages is not reset. <c>status</c> is never
/// copied, and a resource the cluster does not have yet is applied as Git has it.
/// </summary>
internal static class IgnoredFieldsKept
{
    /// <summary>The manifests to apply: the comparison's desired ones, with ignored fields kept when the option is on.</summary>
    public static IReadOnlyList<Manifest> Desired(ApplicationComparison comparison)
    {
        var app = comparison.Application;
        if (!app.SyncPolicy.Options.RespectIgnoreDifferences || app.IgnoreDifferences.Count == 0)
        {
            return comparison.Desired;
        }

        return [.. comparison.Desired.Select(m => comparison.Live.TryGetValue(m.Key, out var live) ? Keep(m, live, comparison) : m)];
    }

    private static Manifest Keep(Manifest desired, JsonObject live, ApplicationComparison comparison)
    {
        var pointers = IgnoredFields.PointersFor(desired.Key, live, comparison.Application.IgnoreDifferences)
            .Where(p => p != "/status" && !p.StartsWith("/status/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (pointers.Count == 0)
        {
            return desired;
        }

        var json = (JsonObject)desired.Json.DeepClone();
        foreach (var pointer in pointers)
        {
            var (found, value) = JsonPointer.Get(live, pointer);
            if (found)
            {
                JsonPointer.Set(json, pointer, value?.DeepClone());
            }
            else
            {
                IgnoredFields.Remove(json, pointer);
            }
        }

        return new Manifest(json);
    }
}
