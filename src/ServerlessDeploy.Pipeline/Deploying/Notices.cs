using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// Sends the notice about an operation whose status is already recorded. A notice that cannot be sent is an outside
/// system's failure after the fact: it becomes a value recorded on the app's status and returned, never an exception that
/// would turn a finished operation into a retry. A notice sent clears the failure an earlier one left on the status.
/// </summary>
internal sealed class Notices(INotifier notifier, IStateWrites store, TimeProvider time)
{
    /// <param name="recorded">The app's status exactly as the operation wrote it.</param>
    public async Task<NoticeFailure?> SendAsync(AppState recorded, SyncNotification notification, CancellationToken cancellationToken)
    {
        var failure = await TrySendAsync(notification, cancellationToken);
        if (failure != recorded.FailedNotice)
        {
            await store.PutAppAsync(recorded with { FailedNotice = failure }, cancellationToken);
        }

        return failure;
    }

    private async Task<NoticeFailure?> TrySendAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.NotifyAsync(notification, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new NoticeFailure(notification.Kind.ToState(), Describe(e), time.GetUtcNow());
        }
    }

    /// <summary>Each failed channel with its own error (a <see cref="NotificationsFailedException"/> names only the channels).</summary>
    private static string Describe(Exception error) => error is NotificationsFailedException failed
        ? string.Join("; ", failed.FailedChannels.Zip(failed.InnerExceptions, (channel, inner) => $"{channel}: {inner.Message}"))
        : error.Message;
}
