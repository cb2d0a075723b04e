namespace ServerlessDeploy.State.ReadModel;

/// <summary>
/// One line of the app list: how the app compares with Git, its health, what is deployed and by whom, its last
/// operation, and what the list filters it by.
/// </summary>
/// <param name="RevisionInfo">The deployed commit's author and message; null when not known.</param>
/// <param name="ComparedRevision">The commit <paramref name="Sync"/> is against (Argo CD's status.sync.revision); null before any comparison.</param>
public sealed record AppSummary(
    string Name,
    SyncStatusCode Sync,
    HealthCode? Health,
    string? Revision,
    RevisionInfo? RevisionInfo,
    OperationView LastOperation,
    IReadOnlyList<string> Images,
    AppFacets Facets,
    string? ComparedRevision = null);
