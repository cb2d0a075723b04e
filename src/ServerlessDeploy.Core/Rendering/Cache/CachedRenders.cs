using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>
/// Renders through the cache. On a hit there is no checkout and no render; on a miss <c>checkout</c> gives the
/// repository root, the renderer renders, and a success is stored (a failure is not: it is rendered again next time,
/// and says why again). The cache never fails a render: an entry that cannot be read is a miss, and a cache that
/// cannot be read or written is named in <see cref="CachedRender.CacheProblem"/>. A revision that names no commit (a
/// plain folder, read as it is) is rendered every time, since the same name does not mean the same files.
/// </summary>
/// <param name="toolVersions">What tells one helm and kubectl (and renderer) from another; part of every key.</param>
public sealed class CachedRenders(IManifestRenderer renderer, IRenderCache cache, string toolVersions)
{
    public async Task<CachedRender> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides,
        Func<CancellationToken, Task<string>> checkout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(checkout);
        if (string.IsNullOrWhiteSpace(revision))
        {
            return new CachedRender(await RenderAsync(app, imageOverrides, checkout, cancellationToken), Hit: false);
        }

        var key = RenderCacheKey.Of(app, revision, imageOverrides, toolVersions);
        var (cached, readProblem) = await TryGetAsync(key, cancellationToken);
        if (cached is not null)
        {
            return new CachedRender(RenderResult.Of(cached), Hit: true);
        }

        var result = await RenderAsync(app, imageOverrides, checkout, cancellationToken);
        var storeProblem = result.Succeeded ? await TryPutAsync(key, result, cancellationToken) : null;
        return new CachedRender(result, Hit: false) { CacheProblem = Join(readProblem, storeProblem) };
    }

    private async Task<RenderResult> RenderAsync(Application app, IReadOnlyList<string> imageOverrides,
        Func<CancellationToken, Task<string>> checkout, CancellationToken cancellationToken)
    {
        var root = await checkout(cancellationToken);
        return await renderer.RenderAsync(new RenderRequest(app, root, imageOverrides), cancellationToken);
    }

    private async Task<(IReadOnlyList<Resources.Manifest>? Manifests, string? Problem)> TryGetAsync(RenderCacheKey key, CancellationToken cancellationToken)
    {
        try
        {
            return (await cache.GetAsync(key, cancellationToken), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"the render cache could not be read ({e.Message}); rendered instead");
        }
    }

    private async Task<string?> TryPutAsync(RenderCacheKey key, RenderResult result, CancellationToken cancellationToken)
    {
        try
        {
            await cache.PutAsync(key, result.Manifests, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"the render could not be stored in the render cache ({e.Message})";
        }
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}; {second}";
}
