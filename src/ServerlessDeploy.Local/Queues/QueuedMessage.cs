namespace ServerlessDeploy.Local.Queues;

/// <summary>One message in an <see cref="InMemoryQueue"/>, with what SQS keeps about it.</summary>
internal sealed class QueuedMessage(string id, string body, string? groupId, long sequence)
{
    public string Id { get; } = id;

    public string Body { get; } = body;

    public string? GroupId { get; } = groupId;

    public long Sequence { get; } = sequence;

    public int ReceiveCount { get; set; }

    /// <summary>When it was sent, as SQS's SentTimestamp.</summary>
    public DateTimeOffset SentAt { get; init; }

    public DateTimeOffset VisibleAt { get; set; }

    /// <summary>The handle of the latest receive; a handle from an earlier receive no longer deletes or changes it.</summary>
    public string? ReceiptHandle { get; set; }

    public string? LastError { get; set; }
}
