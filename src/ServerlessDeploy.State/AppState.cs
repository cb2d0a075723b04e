namespace ServerlessDeploy.State;

/// <summary>
/// An app's current status as the last operation left it (Argo CD's status.sync, status.health and status.operationState in one record).
/// </summary>
/// <param name="SyncStatus">Synced, OutOfSync or Unknown; Removed or Orphaned once the app left the config repository.</param>
/// <param name="Health">Null before the first sync.</param>
/// <param name="Phase">The last operation's phase.</param>
/// <param name="Images">The images the app runs with, as <c>name:tag</c> or <c>name@digest</c>.</param>
/// <param name="ImageOverrides">Image overrides kept in the store (Image Updater's write-back method argocd), applied at render time.</param>
/// <param name="AttemptedRevision">The commit the last operation tried to deploy (differs from Revision after a failure).</param>
/// <param name="Manifest">The Application manifest (JSON) last deployed: what a removal needs once Git no longer has it.</param>
/// <param name="FailedNotice">The notice about the last operation that could not be sent; null once one was sent.</param>
/// <param name="Stages">When each stage of the last sync happened (event, routed, queued, each step, done).</param>
/// <param name="RevisionInfo">The author and message of <paramref name="Revision"/>; null when not known.</param>
/// <param name="Waiting">The sync booked to wait before its next step; null when none waits.</param>
/// <param name="WatchedRollouts">The app's Rollouts looked at again because they wait for a person; null or empty when none.</param>
/// <param name="LastRolloutAction">The last action asked of one of its Rollouts and who asked; null when none was.</param>
/// <param name="ComparedRevision">The commit the app was last compared with, by a sync or a comparison that did not sync (Argo CD's
/// status.sync.revision): what <paramref name="SyncStatus"/> is against. Null before the first comparison and in records written
/// before it was kept (<see cref="ReadModel.AppViews.ComparedRevision"/> reads those).</param>
/// <param name="LastDryRun">The last dry run's own result, kept apart so a preview leaves the app's operation as it was; null when none ran.</param>
public sealed record AppState(
    string App,
    string? Revision,
    SyncStatusCode SyncStatus,
    HealthCode? Health,
    OperationPhase Phase,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string Message,
    IReadOnlyList<string> Images,
    IReadOnlyList<string> ImageOverrides,
    IReadOnlyList<ResourceState> Resources,
    string? AttemptedRevision = null,
    string? Manifest = null,
    NoticeFailure? FailedNotice = null,
    OperationStages? Stages = null,
    RevisionInfo? RevisionInfo = null,
    WaitingSync? Waiting = null,
    IReadOnlyList<WatchedRollout>? WatchedRollouts = null,
    RolloutActionRecord? LastRolloutAction = null,
    string? ComparedRevision = null,
    DryRunRecord? LastDryRun = null)
{
    public static AppState New(string app) =>
        new(app, null, SyncStatusCode.Unknown, null, OperationPhase.None, null, null, "", [], [], []);
}
