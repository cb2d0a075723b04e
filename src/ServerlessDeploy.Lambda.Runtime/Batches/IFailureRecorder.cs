using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Lambda.Runtime.Batches;

/// <summary>Keeps the last error of a message before it goes back to the queue, so a message that ends in the
/// dead-letter queue has its reason on record (the state store implements it).</summary>
public interface IFailureRecorder
{
    Task RecordFailureAsync(SqsRecord record, string reason, CancellationToken cancellationToken);
}
