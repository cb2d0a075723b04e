using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Keeps the documents of the last resource-type set seen, so the server can ask for the documents on every
/// /openapi/v3 request and pay for building them only when a CRD has changed the set. Thread-safe: a race
/// between two changed sets at worst builds twice.
/// </summary>
internal sealed class OpenApiDocumentCache
{
    private OpenApiDocuments? _current;

    public OpenApiDocuments For(IReadOnlyList<ResourceType> types)
    {
        var snapshot = Volatile.Read(ref _current);
        if (snapshot is not null && snapshot.Types.SequenceEqual(types))
        {
            return snapshot;
        }

        var fresh = new OpenApiDocuments(types);
        Volatile.Write(ref _current, fresh);
        return fresh;
    }
}
