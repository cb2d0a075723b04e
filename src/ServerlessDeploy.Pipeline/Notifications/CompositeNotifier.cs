namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>
/// Notifies every channel, all at once. One channel failing does not stop the others; afterwards one
/// <see cref="NotificationsFailedException"/> names each failed channel, so a failed notice is never silent.
/// </summary>
public sealed class CompositeNotifier : INotifier
{
    private readonly IReadOnlyList<NotificationChannel> _channels;

    public CompositeNotifier(IReadOnlyList<NotificationChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var duplicate = channels.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"notification channel \"{duplicate.Key}\" is configured twice", nameof(channels));
        }

        _channels = channels;
    }

    public async Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(_channels.Select(c => NotifyOneAsync(c, notification, cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        if (failed.Count > 0)
        {
            throw new NotificationsFailedException(failed.Select(f => f.Channel).ToList(), failed.Select(f => f.Error!).ToList());
        }
    }

    private static async Task<(string Channel, Exception? Error)> NotifyOneAsync(NotificationChannel channel, SyncNotification notification,
        CancellationToken cancellationToken)
    {
        try
        {
            await channel.Notifier.NotifyAsync(notification, cancellationToken);
            return (channel.Name, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (channel.Name, e);
        }
    }
}
