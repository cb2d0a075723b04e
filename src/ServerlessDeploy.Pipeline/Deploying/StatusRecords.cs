using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Turns an engine result into the app's recorded status and the notification it emits.</summary>
internal static class StatusRecords
{
    public static AppState Finished(AppState before, SyncResult result, string revision, IReadOnlyList<string> overrides, DateTimeOffset startedAt, DateTimeOffset now) =>
        before with
        {
            Revision = result.Succeeded ? revision : before.Revision,
            SyncStatus = result.Succeeded ? SyncStatusCode.Synced : SyncStatusCode.OutOfSync,
            Health = result.Health?.ToState() ?? before.Health,
            Phase = result.Succeeded ? OperationPhase.Succeeded : OperationPhase.Failed,
            StartedAt = startedAt,
            FinishedAt = now,
            Message = result.Succeeded ? result.Message : $"sync to {Revisions.Abbreviate(revision)} failed: {result.Message}",
            Images = result.Succeeded ? result.Images : before.Images,
            ImageOverrides = overrides,
            Resources = Resources(result),
            AttemptedRevision = revision,
        };

    public static List<ResourceState> Resources(SyncResult result) =>
        result.Resources.Select(r => new ResourceState(r.Key.Group, r.Key.Kind, r.Key.Namespace, r.Key.Name, r.Phase.ToState(), r.Wave, r.Action.ToState(), r.Succeeded, r.Message, r.Health?.Status.ToState(), r.Health?.Message)).ToList();

    public static SyncNotification Notification(string app, SyncResult result, string revision, DateTimeOffset now)
    {
        var kind = !result.Succeeded ? NotificationKind.SyncFailed
            : result.Health is Core.Health.HealthStatus.Degraded ? NotificationKind.HealthDegraded
            : NotificationKind.SyncSucceeded;
        return new SyncNotification(kind, app, revision, result.Images, result.Health?.ToString() ?? "Unknown", result.Message, now);
    }
}
