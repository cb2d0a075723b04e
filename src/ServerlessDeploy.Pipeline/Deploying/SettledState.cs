using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Whether an app's state is settled enough to be judged by comparing alone, the same for its own request and for a
/// cluster's compare pass, so the two never disagree on which apps only compare.
/// </summary>
internal static class SettledState
{
    /// <summary>
    /// Why the app is not to be judged by comparing alone (null when it is): a sync of it runs or waits, or it has a Rollout
    /// to watch; and with automated sync on, it was never synced or its last operation neither succeeded nor failed (it
    /// syncs). A first sync that failed is judged as any failed sync. With automated sync off the app is compared at its
    /// branch head whatever the last operation came to.
    /// </summary>
    public static string? Unsettled(AppState? state, bool manualOnly) => state switch
    {
        { Phase: OperationPhase.Running } => "its last operation is Running",
        { Waiting: not null } => "a sync of it waits",
        { WatchedRollouts.Count: > 0 } => "it has a Rollout to watch",
        _ when manualOnly => null,
        null or { Revision: null, Phase: not OperationPhase.Failed } => "it was never synced",
        { Phase: not (OperationPhase.Succeeded or OperationPhase.Failed) } => $"its last operation is {state.Phase}",
        _ => null,
    };

    /// <summary>Whether the app's last sync succeeded at <paramref name="revision"/>: it is deployed there.</summary>
    public static bool SameCommit(AppState state, string revision) => revision == state.Revision && state.Phase == OperationPhase.Succeeded;

    /// <summary>
    /// Whether its last sync, of <paramref name="revision"/>, failed: as Argo CD, automated sync does not try that commit
    /// again; a new commit or a manual sync does.
    /// </summary>
    public static bool FailedBefore(AppState state, string revision) => state.Phase == OperationPhase.Failed && state.AttemptedRevision == revision;
}
