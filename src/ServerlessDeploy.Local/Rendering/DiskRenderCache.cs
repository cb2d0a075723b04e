using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Local.Rendering;

/// <summary>
/// The render cache in a folder, one file per key (<c>&lt;key&gt;.json.gz</c>). An entry is written to a temporary file
/// beside it and moved into place, so a reader sees a whole entry or none; a file torn or changed by other means reads
/// as a miss and is written anew on the next render.
/// </summary>
public sealed class DiskRenderCache : IRenderCache
{
    /// <summary>The cache's folder under a local state folder.</summary>
    public const string FolderName = "render-cache";

    private const string Extension = ".json.gz";
    private readonly string _folder;

    public DiskRenderCache(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
    }

    public async Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            return RenderCacheEntry.Decode(await File.ReadAllBytesAsync(PathOf(key), cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = RenderCacheEntry.Encode(manifests);
        Directory.CreateDirectory(_folder);
        var temporary = Path.Combine(_folder, $"{key.Value}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, entry, cancellationToken);
            File.Move(temporary, PathOf(key), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string PathOf(RenderCacheKey key) => Path.Combine(_folder, key.Value + Extension);
}
