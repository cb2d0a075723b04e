using System.Text.Json;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Reconciling;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>
/// The deployer function's per-message work: a deploy request from the deploy queue, or a wake-up of a waiting sync
/// from the wake-up queue. A sync that must wait is saved with its wake-up booked, so its message is done and nothing
/// queued behind it in the app's FIFO group waits for it. A request to retry (the app's lease held elsewhere, Git or the cluster unreachable) comes back after a backoff that
/// doubles with each receive — not after the queue's visibility timeout, which is sized for the longest sync. A notice
/// that could not be sent after the request was carried out leaves the message done, with a warning. A reconcile
/// tick's compare pass (<see cref="ComparePass"/>) comes on the deploy queue too; a host without one refuses it by name.
/// </summary>
public sealed class DeployerHandler(Deployer deployer, IVisibilityControl visibility, ComparePass? comparePass = null)
{
    public async Task<MessageResult> HandleAsync(ReceivedMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        DeployOutcome outcome;
        try
        {
            if (ComparePassJson.TryDeserialize(message.Body) is { } pass)
            {
                return await CompareAsync(pass, deadline, cancellationToken);
            }

            outcome = WakeUpJson.TryDeserialize(message.Body) is { } wakeUp
                ? await deployer.WakeAsync(wakeUp, deadline, cancellationToken)
                : await DeployAsync(message, deadline, cancellationToken);
        }
        catch (JsonException e)
        {
            return MessageResult.Failed($"malformed {e.Message}");
        }

        if (outcome.Kind == DeployOutcomeKind.Retry)
        {
            await visibility.ChangeVisibilityAsync(message.ReceiptHandle, RetryDelay(message.ReceiveCount), cancellationToken);
        }

        return outcome switch
        {
            { KeepsMessage: true } => MessageResult.Failed(outcome.Message),
            { Notice: { } notice } => MessageResult.HandledWithWarning($"{outcome.Message}; {notice.Describe()}"),
            { Kind: DeployOutcomeKind.Dropped } => MessageResult.HandledWithWarning(outcome.Message) with { Counts = "DroppedWakeUps" },
            _ => MessageResult.Handled(outcome.Message),
        };
    }

    private async Task<DeployOutcome> DeployAsync(ReceivedMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        DeployRequest request;
        try
        {
            request = DeployRequestJson.Deserialize(message.Body) with { QueuedAt = message.SentAt, DeployMessageId = message.MessageId, Receives = message.ReceiveCount };
        }
        catch (JsonException e)
        {
            throw new JsonException($"deploy request: {e.Message}", e);
        }

        return await deployer.DeployAsync(request, deadline, cancellationToken);
    }

    /// <summary>
    /// A pass is done once it ran: an app it could not compare is reported on its status and compared at the next tick,
    /// so a cluster that cannot be read is not asked again sooner than that; the apps it had no time for went on in a continuation.
    /// </summary>
    private async Task<MessageResult> CompareAsync(ComparePassRequest pass, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (comparePass is null)
        {
            return MessageResult.Failed($"compare pass {pass.Cluster} shard {pass.Shard}: this deployer has no compare pass configured");
        }

        var outcome = await comparePass.RunAsync(pass, deadline, cancellationToken);
        return outcome.Unreadable is null ? MessageResult.Handled(outcome.Summary) : MessageResult.HandledWithWarning(outcome.Summary);
    }

    /// <summary>10 s after the first receive, doubling each time, at most 15 minutes.</summary>
    public static TimeSpan RetryDelay(int receiveCount) =>
        TimeSpan.FromSeconds(Math.Min(900, 10 * Math.Pow(2, Math.Clamp(receiveCount - 1, 0, 10))));
}
