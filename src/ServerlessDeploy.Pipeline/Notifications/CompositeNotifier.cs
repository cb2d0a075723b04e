namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>
/// Notifies every channel, all at once. One channel failing does not stop the others; afterwards the
/// <see cref="NotificationReport"/> names each failed channel with its error, so a failed notice is never silent. A
/// channel's own failure is an exception caught here, at the boundary; nothing is thrown past it but cancellation.
/// </summary>
public sealed class CompositeNotifier
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

    internal async Task<NotificationReport> NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        var failures = await Task.WhenAll(_channels.Select(c => NotifyOneAsync(c, notification, cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
        return new NotificationReport(failures.OfType<ChannelFailure>().ToList());
    }

    /// <summary>Null when the channel was notified.</summary>
    private static async Task<ChannelFailure?> NotifyOneAsync(NotificationChannel channel, SyncNotification notification,
        CancellationToken cancellationToken)
    {
        try
        {
            await channel.Notifier.NotifyAsync(notification, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ChannelFailure(channel.Name, e.Message);
        }
    }
}
