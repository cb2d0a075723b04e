using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Tests.Rendering.Cache;

/// <summary>A renderer that answers with one result and counts its calls, keeping the requests it was given.</summary>
internal sealed class CountingRenderer(RenderResult result) : IManifestRenderer
{
    public ConcurrentQueue<RenderRequest> Requests { get; } = new();

    public Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(result);
    }
}

/// <summary>A cache in memory that keeps entries as the stores do (encoded), so a test can tear one.</summary>
internal sealed class MemoryRenderCache : IRenderCache
{
    public ConcurrentDictionary<string, byte[]> Entries { get; } = new();

    public Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.TryGetValue(key.Value, out var entry) ? RenderCacheEntry.Decode(entry) : null);

    public Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken)
    {
        Entries[key.Value] = RenderCacheEntry.Encode(manifests);
        return Task.CompletedTask;
    }
}

/// <summary>A cache whose reads or writes fail as a store that cannot be reached does.</summary>
internal sealed class BrokenRenderCache(bool reads, bool writes) : IRenderCache
{
    public int Puts { get; private set; }

    public Task<IReadOnlyList<Manifest>?> GetAsync(RenderCacheKey key, CancellationToken cancellationToken) =>
        reads ? Task.FromResult<IReadOnlyList<Manifest>?>(null) : throw new IOException("bucket unreachable");

    public Task PutAsync(RenderCacheKey key, IReadOnlyList<Manifest> manifests, CancellationToken cancellationToken)
    {
        Puts++;
        return writes ? Task.CompletedTask : throw new IOException("disk full");
    }
}

internal static class Manifests
{
    public static Manifest ConfigMap(string name, string data = "1") => new(new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "demo" },
        ["data"] = new JsonObject { ["value"] = data },
    });
}
