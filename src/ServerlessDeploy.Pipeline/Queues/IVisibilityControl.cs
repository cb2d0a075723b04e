namespace ServerlessDeploy.Pipeline.Queues;

/// <summary>Changes when a received message becomes visible again (SQS ChangeMessageVisibility), for a sync continued after the deadline.</summary>
public interface IVisibilityControl
{
    Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibleIn, CancellationToken cancellationToken);
}
