namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>How sending a notice to every channel went: each channel that failed, with its error; none when all were sent.</summary>
internal sealed record NotificationReport(IReadOnlyList<ChannelFailure> Failures)
{
    public static NotificationReport Sent { get; } = new([]);

    public bool AllSent => Failures.Count == 0;

    /// <summary>How many channels failed and which, e.g. "2 notification channel(s) failed: eventbridge, teams".</summary>
    public string Summary => $"{Failures.Count} notification channel(s) failed: {string.Join(", ", Failures.Select(f => f.Channel))}";

    /// <summary>Each failed channel with its own error, as the app's status records it.</summary>
    public string Details => string.Join("; ", Failures);
}
