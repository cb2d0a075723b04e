using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.State;

/// <summary>
/// The engine's enums as the state records them. The State project keeps its own copies so a reader needs no Core; each
/// switch is spelled out (no reflection) and a test checks that every engine member maps to the member of the same name.
/// Health is mapped in <see cref="HealthCodes"/>, which the dashboard uses too.
/// </summary>
internal static class StateCodes
{
    public static SyncPhaseCode ToState(this SyncPhase phase) => phase switch
    {
        SyncPhase.PreSync => SyncPhaseCode.PreSync,
        SyncPhase.PostSync => SyncPhaseCode.PostSync,
        SyncPhase.SyncFail => SyncPhaseCode.SyncFail,
        _ => SyncPhaseCode.Sync,
    };

    public static NoticeKind ToState(this NotificationKind kind) => kind switch
    {
        NotificationKind.SyncFailed => NoticeKind.SyncFailed,
        NotificationKind.HealthDegraded => NoticeKind.HealthDegraded,
        NotificationKind.RolloutStepCompleted => NoticeKind.RolloutStepCompleted,
        NotificationKind.RolloutWeightChanged => NoticeKind.RolloutWeightChanged,
        NotificationKind.RolloutPaused => NoticeKind.RolloutPaused,
        NotificationKind.RolloutResumed => NoticeKind.RolloutResumed,
        NotificationKind.RolloutPromoted => NoticeKind.RolloutPromoted,
        NotificationKind.RolloutAborted => NoticeKind.RolloutAborted,
        NotificationKind.RolloutRetried => NoticeKind.RolloutRetried,
        NotificationKind.RolloutStepsSkipped => NoticeKind.RolloutStepsSkipped,
        _ => NoticeKind.SyncSucceeded,
    };

    /// <summary>Through the wire text both enums share, so the stored text stays what the engine's action reads as.</summary>
    public static ResourceResultCode ToState(this ResourceAction action) => ResourceResultCodeText.Parse(action.Text());

    /// <summary>The sync a waiting cursor stands for, as the app's status shows it; null when the cursor does not wait.</summary>
    public static WaitingSync? ToWaiting(this SyncCursor cursor) =>
        cursor is { Status: CursorStatus.Waiting, Wait: { } wait }
            ? new WaitingSync(cursor.Id, cursor.Revision, cursor.Current?.Name, wait.Reason, wait.WakeAt, wait.GivesUpAt)
            : null;
}
