using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Turns an engine result into the app's recorded status and the notification it emits.</summary>
internal static class StatusRecords
{
    public static AppState Finished(AppState before, SyncResult result, DeployTarget target, DateTimeOffset startedAt, DateTimeOffset now) =>
        before with
        {
            Revision = result.Succeeded ? target.Revision : before.Revision,
            RevisionInfo = result.Succeeded ? Info(target.Described) : before.RevisionInfo,
            SyncStatus = result.Succeeded ? SyncStatusCode.Synced : SyncStatusCode.OutOfSync,
            Health = result.Health?.ToState() ?? before.Health,
            Phase = result.Succeeded ? OperationPhase.Succeeded : OperationPhase.Failed,
            StartedAt = startedAt,
            FinishedAt = now,
            Message = result.Succeeded ? result.Message : $"sync to {Revisions.Abbreviate(target.Revision)} failed: {result.Message}",
            Images = result.Succeeded ? result.Images : before.Images,
            ImageOverrides = target.ImageOverrides,
            // A sync that failed before it touched anything (a render error) leaves the app's resources as they were, as Argo CD keeps status.resources.
            Resources = result.Succeeded || result.Resources.Count > 0 ? Resources(result) : before.Resources,
            AttemptedRevision = target.Revision,
            ComparedRevision = target.Revision,
        };

    /// <summary>The commit's author ("Name &lt;email&gt;") and message; null when the source does not keep them (an artifact, a plain folder).</summary>
    public static RevisionInfo? Info(SourceRevision? revision) =>
        revision is { Author: { } author, Message: { } message } ? new RevisionInfo($"{author.Name} <{author.Email}>", message) : null;

    /// <summary>Every resource of the app: what the sync did to each it wrote, and those it left as they matched Git, each with its health.</summary>
    public static List<ResourceState> Resources(SyncResult result) =>
        result.Resources.Concat(result.LeftInSync).Select(r => new ResourceState(r.Key.Group, r.Key.Kind, r.Key.Namespace, r.Key.Name, r.Phase.ToState(), r.Wave, r.Action.ToState(), r.Succeeded, r.Message, r.Health?.Status.ToState(), r.Health?.Message)).ToList();

    public static SyncNotification Notification(string app, SyncResult result, string revision, DateTimeOffset now)
    {
        var kind = !result.Succeeded ? NotificationKind.SyncFailed
            : result.Health is Core.Health.HealthStatus.Degraded ? NotificationKind.HealthDegraded
            : NotificationKind.SyncSucceeded;
        return new SyncNotification(kind, app, revision, result.Images, result.Health?.ToString() ?? "Unknown", result.Message, now);
    }
}
