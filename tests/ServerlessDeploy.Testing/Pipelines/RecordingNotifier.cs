using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>Keeps every notification, in order.</summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly Lock gate = new();
    private readonly List<SyncNotification> notifications = [];

    public IReadOnlyList<SyncNotification> Notifications
    {
        get
        {
            lock (gate)
            {
                return [.. notifications];
            }
        }
    }

    public Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            notifications.Add(notification);
        }

        return Task.CompletedTask;
    }
}
