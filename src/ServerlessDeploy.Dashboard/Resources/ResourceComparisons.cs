using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// Turns a resource's desired and live objects into what a page may show: managedFields dropped, Secret values masked
/// (before anything is written out), then YAML and a diff of the live fields Git sets against Git. Every manifest a page
/// shows passes through here.
/// </summary>
public static class ResourceComparisons
{
    /// <param name="liveRead">False when the cluster could not be read, <paramref name="desiredRead"/> when Git could not be rendered: nothing is compared then.</param>
    public static ResourceComparison Compare(ResourceKey key, JsonObject? desired, JsonObject? live, bool liveRead = true, bool desiredRead = true)
    {
        var masked = SecretMask.Hide(desired, WithoutManagedFields(live));
        var projected = masked is { Desired: { } want, Live: { } have } ? ProjectedPair.Of(want, have) : null;
        var before = projected?.Live ?? masked.Live;
        var after = projected?.Desired ?? masked.Desired;
        var diff = UnifiedDiff.Of(Yaml(before) ?? "", Yaml(after) ?? "");
        var status = (masked.Desired, masked.Live) switch
        {
            _ when !liveRead || !desiredRead => ComparisonStatus.Unknown,
            (null, _) => ComparisonStatus.Extra,
            (_, null) => ComparisonStatus.Missing,
            _ => diff.Length == 0 ? ComparisonStatus.Synced : ComparisonStatus.OutOfSync,
        };
        return new ResourceComparison(key, status, Yaml(masked.Live), Yaml(masked.Desired), status == ComparisonStatus.Unknown ? "" : diff);
    }

    /// <summary>A copy without metadata.managedFields: bookkeeping of the API server that buries the object on a page.</summary>
    private static JsonObject? WithoutManagedFields(JsonObject? live)
    {
        var copy = live?.DeepClone() as JsonObject;
        (copy?["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static string? Yaml(JsonObject? value) => value is null ? null : YamlWriter.Write(value);
}
