namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>One served OpenAPI v3 document: its index key, its JSON bytes, and the hash of those bytes.</summary>
/// <param name="Path">The key in the /openapi/v3 index and the URL suffix: api/v1 or apis/{group}/{version}.</param>
/// <param name="Hash">The uppercase hex SHA-512 of <paramref name="Json"/>, as kube-apiserver computes it.</param>
internal sealed record OpenApiDocument(string Path, ReadOnlyMemory<byte> Json, string Hash)
{
    /// <summary>The URL the index points clients to; a client that sees the same hash again may reuse its cached copy.</summary>
    public string ServerRelativeUrl => $"/openapi/v3/{Path}?hash={Hash}";

    /// <summary>The entity tag to serve the document with (quoted, as kube-apiserver sends it).</summary>
    public string ETag => $"\"{Hash}\"";
}
