using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Aws.Rendering;

/// <summary>
/// The render cache in an S3 bucket, one object per key (<c>&lt;prefix&gt;&lt;key&gt;.json.gz</c>). A PUT replaces an
/// object whole, so a reader sees a whole entry or none. A key not there (404) is a miss, and so is an object that does
/// not read as an entry; S3's other refusals are thrown for <see cref="CachedRenders"/> to report.
/// </summary>
public sealed class S3RenderCache : IRenderCache
{
    private const string Extension = ".json.gz";
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <param name="prefix">Where under the bucket the entries are, e.g. "render-cache/"; a missing final slash is added, and "" means the bucket's root.</param>
    public S3RenderCache(IAmazonS3 s3, string bucket, string prefix)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        _s3 = s3;
        _bucket = bucket;
        _prefix = prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/";
    }

    public async Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, ObjectKey(key), cancellationToken);
            using var entry = new MemoryStream();
            await response.ResponseStream.CopyToAsync(entry, cancellationToken);
            return RenderCacheEntry.Decode(entry.ToArray());
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var entry = new MemoryStream(RenderCacheEntry.Encode(manifests), writable: false);
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = ObjectKey(key),
            InputStream = entry,
            ContentType = "application/gzip",
            // Entries are small and held in memory: one signed body, no aws-chunked stream.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    /// <summary>Where the entry for <paramref name="key"/> is kept in the bucket.</summary>
    public string ObjectKey(RenderCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _prefix + key.Value + Extension;
    }
}
