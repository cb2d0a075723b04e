using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The notice a Rollout's transition becomes, and the mark that tells it once.</summary>
internal static class TransitionNotices
{
    public static SyncNotification Of(AppState recorded, RolloutDriveResult drive, RolloutTransition transition, DateTimeOffset at) =>
        new(Kind(transition.Kind), recorded.App, recorded.Revision ?? "", recorded.Images, drive.Health?.Status.ToString() ?? "Unknown", transition.Message, at)
        {
            Rollout = new RolloutNotice(drive.Namespace, drive.Name, transition.StepIndex, transition.StepCount, transition.PreviousCanaryWeight, transition.CanaryWeight),
        };

    /// <summary>
    /// The idempotency key of one transition: the app, the Rollout, the transition itself, and where it was made (the
    /// message whose drive made it — a deployment at a cursor version, a wake-up, an action — and its place in that drive).
    /// </summary>
    public static string Mark(string app, RolloutDriveResult drive, string madeBy, int index, RolloutTransition transition) =>
        "rollout-transition:" + DeploymentIds.Of(app, drive.Id, madeBy, index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            transition.Kind.ToString(), $"{transition.StepIndex}/{transition.StepCount}", $"{transition.PreviousCanaryWeight}->{transition.CanaryWeight}");

    private static NotificationKind Kind(RolloutTransitionKind kind) => kind switch
    {
        RolloutTransitionKind.StepCompleted => NotificationKind.RolloutStepCompleted,
        RolloutTransitionKind.WeightChanged => NotificationKind.RolloutWeightChanged,
        RolloutTransitionKind.Paused => NotificationKind.RolloutPaused,
        RolloutTransitionKind.Resumed => NotificationKind.RolloutResumed,
        RolloutTransitionKind.Promoted => NotificationKind.RolloutPromoted,
        RolloutTransitionKind.Aborted => NotificationKind.RolloutAborted,
        RolloutTransitionKind.Retried => NotificationKind.RolloutRetried,
        RolloutTransitionKind.SkippedSteps => NotificationKind.RolloutStepsSkipped,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no notification for this transition"),
    };
}
