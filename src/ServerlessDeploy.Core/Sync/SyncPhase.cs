namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// The phases of a sync in the order they run, as Argo CD names them. SyncFail runs only when an earlier phase
/// failed; its tasks are kept apart in <see cref="SyncPlan.FailureSteps"/>.
/// </summary>
public enum SyncPhase
{
    PreSync,
    Sync,
    PostSync,
    SyncFail,
}
