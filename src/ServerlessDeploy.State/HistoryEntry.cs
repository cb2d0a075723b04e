namespace ServerlessDeploy.State;

/// <summary>
/// One finished sync kept for rollback (Argo CD's status.history[]): what was deployed, from where, and the digest of the
/// rendered manifests, so a rollback re-renders the same commit with the same image overrides and can tell it got the same result.
/// </summary>
/// <param name="Id">Assigned by the store on append; 0 before.</param>
/// <param name="Stages">When each stage of the sync happened, for the timeline; null in entries written before it was kept.</param>
public sealed record HistoryEntry(
    long Id,
    string Revision,
    string RepoUrl,
    string Path,
    IReadOnlyList<string> ImageOverrides,
    string ManifestDigest,
    DateTimeOffset DeployedAt,
    OperationPhase Phase,
    string Message,
    string Initiator,
    OperationStages? Stages = null);
