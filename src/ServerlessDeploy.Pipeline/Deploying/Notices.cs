using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Sends the notice about an operation whose status is already recorded. A notice that cannot be sent is an outside
/// system's failure after the fact: it is recorded on the app's status and returned as a value, never turning a finished
/// operation into a retry. A notice sent clears the failure an earlier one left on the status.
/// </summary>
internal sealed class Notices(CompositeNotifier notifier, IStateWrites store, TimeProvider time)
{
    /// <param name="recorded">The app's status exactly as the operation wrote it.</param>
    public async Task<NoticeFailure?> SendAsync(AppState recorded, SyncNotification notification, CancellationToken cancellationToken)
    {
        var report = await notifier.NotifyAsync(notification, cancellationToken);
        var failure = report.AllSent ? null : new NoticeFailure(notification.Kind.ToState(), report.Details, time.GetUtcNow());
        if (failure != recorded.FailedNotice)
        {
            await store.PutAppAsync(recorded with { FailedNotice = failure }, cancellationToken);
        }

        return failure;
    }
}
