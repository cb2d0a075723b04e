namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>Some notification channels failed; names each one, and carries each channel's error as an inner exception.</summary>
public sealed class NotificationsFailedException(IReadOnlyList<string> failedChannels, IReadOnlyList<Exception> errors)
    : AggregateException($"{failedChannels.Count} notification channel(s) failed: {string.Join(", ", failedChannels)}", errors)
{
    public IReadOnlyList<string> FailedChannels { get; } = failedChannels;
}
