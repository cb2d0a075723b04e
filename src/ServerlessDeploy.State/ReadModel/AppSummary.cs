namespace ServerlessDeploy.State.ReadModel;

/// <summary>One line of the app list: how the app compares with Git, its health, what is deployed and by whom, and its last operation.</summary>
/// <param name="RevisionInfo">The deployed commit's author and message; null when not known.</param>
public sealed record AppSummary(
    string Name,
    SyncStatusCode Sync,
    HealthCode? Health,
    string? Revision,
    RevisionInfo? RevisionInfo,
    OperationView LastOperation,
    IReadOnlyList<string> Images);
