using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>Where successful renders are kept by their <see cref="RenderCacheKey"/> (a folder locally, an S3 bucket in AWS).</summary>
public interface IRenderCache
{
    /// <summary>The manifests stored under <paramref name="key"/>; null when absent, or when the entry cannot be read or parsed (treated as missing, never an error).</summary>
    Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="manifests"/> under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken);
}
