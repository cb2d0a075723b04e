using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The /openapi/v3 index and the per-group-version documents for one set of resource types (the built-ins
/// plus the CRDs at one moment). Immutable: when a CRD changes the set, build a new instance (see
/// <see cref="OpenApiDocumentCache"/>). Documents are built on first use, all at once, because the index
/// carries the hash of every document.
/// </summary>
internal sealed class OpenApiDocuments
{
    private readonly Lazy<(ReadOnlyMemory<byte> Index, FrozenDictionary<string, OpenApiDocument> Documents)> _built;

    public OpenApiDocuments(IEnumerable<ResourceType> types)
    {
        Types = [.. types];
        _built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The resource types the documents describe, in the order given.</summary>
    public IReadOnlyList<ResourceType> Types { get; }

    /// <summary>The JSON of /openapi/v3: {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}.</summary>
    public ReadOnlyMemory<byte> Index => _built.Value.Index;

    public IEnumerable<OpenApiDocument> Documents => _built.Value.Documents.Values;

    /// <summary>The document for an index key ("api/v1", "apis/apps/v1"), or null when no resource lives there.</summary>
    public OpenApiDocument? Find(string path) => _built.Value.Documents.GetValueOrDefault(path.Trim('/'));

    private (ReadOnlyMemory<byte>, FrozenDictionary<string, OpenApiDocument>) Build()
    {
        var documents = Types
            .GroupBy(GroupVersionDocument.PathOf, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Serialize(group.Key, GroupVersionDocument.Build(group)))
            .ToList();
        var paths = new JsonObject();
        foreach (var document in documents)
        {
            paths[document.Path] = new JsonObject { ["serverRelativeURL"] = document.ServerRelativeUrl };
        }

        var index = new JsonObject { ["paths"] = paths }.ToJsonString();
        return (System.Text.Encoding.UTF8.GetBytes(index), documents.ToFrozenDictionary(document => document.Path, StringComparer.Ordinal));
    }

    private static OpenApiDocument Serialize(string path, JsonObject document)
    {
        var json = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
        return new OpenApiDocument(path, json, Convert.ToHexString(SHA512.HashData(json)));
    }
}
