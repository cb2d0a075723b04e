using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>
/// How a cache entry is kept, the same on disk and in S3: the manifests' objects as one JSON array, gzipped (rendered
/// YAML shrinks several times over). Reading gives back null for anything that is not such an entry, whole.
/// </summary>
public static class RenderCacheEntry
{
    public static byte[] Encode(IReadOnlyList<Manifest> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var array = new JsonArray([.. manifests.Select(m => (JsonNode)m.Json.DeepClone())]);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip))
        {
            array.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The manifests of an entry; null when it is torn, not gzip, not JSON, or not an array of objects each with an apiVersion and a kind.</summary>
    public static IReadOnlyList<Manifest>? Decode(byte[] entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(entry, writable: false), CompressionMode.Decompress);
            return JsonNode.Parse(gzip) is JsonArray array ? Manifests(array) : null;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or EndOfStreamException)
        {
            return null;
        }
    }

    private static List<Manifest>? Manifests(JsonArray array)
    {
        var manifests = new List<Manifest>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject obj || new Manifest((JsonObject)obj.DeepClone()) is not { ApiVersion.Length: > 0, Kind.Length: > 0 } manifest)
            {
                return null;
            }

            manifests.Add(manifest);
        }

        return manifests;
    }
}
