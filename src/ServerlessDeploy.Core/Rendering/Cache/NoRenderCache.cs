using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>No cache: every render is a miss and nothing is stored (a host configured without one).</summary>
public sealed class NoRenderCache : IRenderCache
{
    public Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Manifest>?>(null);

    public Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken) => Task.CompletedTask;
}
