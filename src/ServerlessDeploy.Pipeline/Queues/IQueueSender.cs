namespace ServerlessDeploy.Pipeline.Queues;

/// <summary>Sends to one queue (SQS in AWS, an in-memory queue locally).</summary>
public interface IQueueSender
{
    Task SendAsync(QueueMessage message, CancellationToken cancellationToken);
}
