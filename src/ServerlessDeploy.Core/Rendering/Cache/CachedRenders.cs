using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Rendering.Cache;

public sealed record RenderCacheKey(string Value)
{
    public static RenderCacheKey Of(Application app, string revision, IReadOnlyList<string> imageOverrides, string toolVersions) =>
        new($"{app.Name}|{revision}|{string.Join(',', imageOverrides)}|{toolVersions}");
}

public interface IRenderCache
{
    Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken);

    Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken);
}

public sealed record CachedRender(RenderResult Result, bool Hit);

public sealed class NoRenderCache : IRenderCache
{
    public Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Manifest>?>(null);

    public Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class CachedRenders(IManifestRenderer renderer, IRenderCache cache, string toolVersions)
{
    public async Task<CachedRender> RenderAsync(
        Application app, string revision, IReadOnlyList<string> imageOverrides, Func<CancellationToken, Task<string>> checkout, CancellationToken cancellationToken)
    {
        var key = RenderCacheKey.Of(app, revision, imageOverrides, toolVersions);
        if (await cache.GetAsync(key, cancellationToken) is { } hit)
        {
            return new CachedRender(RenderResult.Of(hit), true);
        }

        var result = await renderer.RenderAsync(new RenderRequest(app, await checkout(cancellationToken), imageOverrides), cancellationToken);
        if (result.Succeeded)
        {
            await cache.PutAsync(key, result.Manifests, cancellationToken);
        }

        return new CachedRender(result, false);
    }
}
