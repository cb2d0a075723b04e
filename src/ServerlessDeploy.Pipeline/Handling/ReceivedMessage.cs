namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>A queue message as a handler sees it, whichever queue delivered it (an SQS record in Lambda, the in-memory queue locally).</summary>
/// <param name="SentAt">When the message was sent to its queue (SQS's SentTimestamp); null when not known.</param>
public sealed record ReceivedMessage(string MessageId, string Body, int ReceiveCount, string ReceiptHandle, DateTimeOffset? SentAt = null);
