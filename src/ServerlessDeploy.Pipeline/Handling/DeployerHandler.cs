using System.Text.Json;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>
/// The deployer function's per-message work. A sync that ran out of time makes its message visible again soon (it is
/// the first of its FIFO group, so it comes back before anything queued behind it) and is reported as not done. A
/// request to retry (the app's lease held elsewhere, Git or the cluster unreachable) comes back after a backoff that
/// doubles with each receive — not after the queue's visibility timeout, which is sized for the longest sync. A notice
/// that could not be sent after the request was carried out leaves the message done, with a warning.
/// </summary>
public sealed class DeployerHandler(Deployer deployer, IVisibilityControl visibility)
{
    public async Task<MessageResult> HandleAsync(ReceivedMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        DeployRequest request;
        try
        {
            request = DeployRequestJson.Deserialize(message.Body);
        }
        catch (JsonException e)
        {
            return MessageResult.Failed($"malformed deploy request: {e.Message}");
        }

        var outcome = await deployer.DeployAsync(request, deadline, cancellationToken);
        if (outcome.Kind == DeployOutcomeKind.Continue)
        {
            await visibility.ChangeVisibilityAsync(message.ReceiptHandle, outcome.VisibleIn ?? TimeSpan.Zero, cancellationToken);
        }
        else if (outcome.Kind == DeployOutcomeKind.Retry)
        {
            await visibility.ChangeVisibilityAsync(message.ReceiptHandle, RetryDelay(message.ReceiveCount), cancellationToken);
        }

        return outcome switch
        {
            { KeepsMessage: true } => MessageResult.Failed(outcome.Message),
            { Notice: { } notice } => MessageResult.HandledWithWarning($"{outcome.Message}; {notice.Describe()}"),
            _ => MessageResult.Handled(outcome.Message),
        };
    }

    /// <summary>10 s after the first receive, doubling each time, at most 15 minutes.</summary>
    public static TimeSpan RetryDelay(int receiveCount) =>
        TimeSpan.FromSeconds(Math.Min(900, 10 * Math.Pow(2, Math.Clamp(receiveCount - 1, 0, 10))));
}
