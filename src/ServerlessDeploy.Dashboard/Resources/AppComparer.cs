using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// Compares an app rendered at a revision with the cluster, one resource at a time through the ports: the resources
/// Git renders, and the ones the state says the app has (which show as extra when Git no longer renders them).
/// </summary>
public sealed class AppComparer(IDesiredManifests desired, ILiveResources live)
{
    private const int Parallel = 8;

    public async Task<AppComparison> CompareAsync(
        Application app, string revision, IReadOnlyList<string> imageOverrides, IEnumerable<ResourceKey> recorded, CancellationToken cancellationToken)
    {
        var rendered = await desired.RenderAsync(app, revision, imageOverrides, cancellationToken);
        var wanted = rendered.Manifests.GroupBy(m => new Manifest(m).Key).ToDictionary(g => g.Key, g => g.First());
        var keys = wanted.Keys.Concat(recorded).Distinct().ToList();
        var reads = new LiveObject[keys.Count];
        await System.Threading.Tasks.Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (i, token) => reads[i] = await live.GetAsync(app, keys[i], token));
        var compared = keys.Select((key, i) => ResourceComparisons.Compare(key, wanted.GetValueOrDefault(key), reads[i].Value, reads[i].Unreachable is null, rendered.Error is null))
            .OrderBy(c => c.Status is ComparisonStatus.Synced).ThenBy(c => c.Key.Kind, StringComparer.Ordinal).ThenBy(c => c.Key.Name, StringComparer.Ordinal);
        return new AppComparison(revision, [.. compared], Problems(revision, rendered.Error, reads.Select(r => r.Unreachable).FirstOrDefault(u => u is not null)));
    }

    /// <summary>One resource of the app: its desired manifest from Git, its live object, and its live health.</summary>
    public async Task<ResourceLook> CompareOneAsync(
        Application app, string revision, IReadOnlyList<string> imageOverrides, ResourceKey key, CancellationToken cancellationToken)
    {
        var rendered = await desired.RenderAsync(app, revision, imageOverrides, cancellationToken);
        var read = await live.GetAsync(app, key, cancellationToken);
        var want = rendered.Manifests.FirstOrDefault(m => new Manifest(m).Key == key);
        return new ResourceLook(
            ResourceComparisons.Compare(key, want, read.Value, read.Unreachable is null, rendered.Error is null),
            read.Value is { } found ? LiveHealth.Of(found) : null,
            Problems(revision, rendered.Error, read.Unreachable));
    }

    private static List<string> Problems(string revision, string? renderError, string? unreachable)
    {
        string?[] problems = [renderError is null ? null : $"rendering {revision} failed: {renderError}", unreachable is null ? null : $"the cluster could not be read: {unreachable}"];
        return [.. problems.OfType<string>()];
    }
}
