using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Observability;

namespace ServerlessDeploy.Testing.Clusters;

/// <summary>The requests a server counted from a point on: what one operation of a test did.</summary>
public sealed class RequestsSince(LocalApiServer server)
{
    private readonly IReadOnlyDictionary<RequestKind, long> _before = server.Requests.Snapshot();

    /// <summary>Writes that change state (create, update, patch, apply, delete), dry runs left out.</summary>
    public long Writes => Now(k => !k.DryRun && k.Verb is "create" or "update" or "patch" or "apply" or "delete" or "deletecollection");

    /// <summary>Every request, reads, writes and dry runs alike.</summary>
    public long Total => Now(_ => true);

    public long Count(string verb, string resource, bool dryRun = false) =>
        Now(k => k.Verb == verb && k.Resource == resource && k.DryRun == dryRun);

    public long Count(string verb, bool dryRun = false) => Now(k => k.Verb == verb && k.DryRun == dryRun);

    private long Now(Func<RequestKind, bool> match) => Sum(match, server.Requests.Snapshot()) - Sum(match, _before);

    private static long Sum(Func<RequestKind, bool> match, IReadOnlyDictionary<RequestKind, long> counts) => counts.Where(p => match(p.Key)).Sum(p => p.Value);
}
