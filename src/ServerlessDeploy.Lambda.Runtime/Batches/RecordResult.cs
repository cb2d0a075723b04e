namespace ServerlessDeploy.Lambda.Runtime.Batches;

/// <summary>What handling one SQS record came to: done (the message is deleted), or a failure to retry with its reason.</summary>
public sealed record RecordResult
{
    private RecordResult(string? failureReason) => FailureReason = failureReason;

    public static RecordResult Done { get; } = new((string?)null);

    /// <summary>Why the record failed; null when it is done.</summary>
    public string? FailureReason { get; }

    public bool IsDone => FailureReason is null;

    /// <summary>A failure: SQS delivers the message again, and after maxReceiveCount receives moves it to the dead-letter queue.</summary>
    public static RecordResult Retry(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new RecordResult(reason);
    }
}
