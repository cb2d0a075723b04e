namespace ServerlessDeploy.Pipeline.Queues;

/// <summary>A message to send; <see cref="GroupId"/> and <see cref="DeduplicationId"/> are for FIFO queues and null otherwise.</summary>
/// <param name="Delay">
/// A message timer, for standard queues only (SQS refuses a per-message delay on a FIFO queue): the message stays
/// invisible this long after it is sent; SQS allows 0 s .. 15 min. Null sends it visible at once.
/// </param>
public sealed record QueueMessage(string Body, string? GroupId = null, string? DeduplicationId = null, TimeSpan? Delay = null)
{
    /// <summary>SQS's longest message timer (DelaySeconds 900).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
}
