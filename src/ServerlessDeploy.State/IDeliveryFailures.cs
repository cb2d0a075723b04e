namespace ServerlessDeploy.State;

/// <summary>The last error of each queue message that failed, so one that reaches the dead-letter queue carries its reason.</summary>
public interface IDeliveryFailures
{
    /// <summary>Keeps the last error of a queue message that failed (overwrites the previous one for the same message id).</summary>
    Task RecordDeliveryFailureAsync(DeliveryFailure failure, CancellationToken cancellationToken);

    /// <summary>The message's last error; null when none was kept or it expired.</summary>
    Task<DeliveryFailure?> GetDeliveryFailureAsync(string messageId, CancellationToken cancellationToken);
}
