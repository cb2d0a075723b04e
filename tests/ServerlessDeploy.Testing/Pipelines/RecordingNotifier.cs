using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>
/// Keeps every notification, in order. As a channel would, it then gives up when its token is cancelled, and fails with
/// <paramref name="failWith"/> when one is given.
/// </summary>
public sealed class RecordingNotifier(Exception? failWith = null) : INotifier
{
    private readonly Lock _gate = new();
    private readonly List<SyncNotification> _notifications = [];

    public IReadOnlyList<SyncNotification> Notifications
    {
        get
        {
            lock (_gate)
            {
                return [.. _notifications];
            }
        }
    }

    public Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _notifications.Add(notification);
        }

        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken)
            : failWith is not null ? Task.FromException(failWith)
            : Task.CompletedTask;
    }
}
