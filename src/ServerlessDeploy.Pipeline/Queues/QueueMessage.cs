namespace ServerlessDeploy.Pipeline.Queues;

/// <summary>A message to send; <see cref="GroupId"/> and <see cref="DeduplicationId"/> are for FIFO queues and null otherwise.</summary>
public sealed record QueueMessage(string Body, string? GroupId = null, string? DeduplicationId = null);
