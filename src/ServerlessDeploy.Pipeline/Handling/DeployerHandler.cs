using System.Text.Json;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>
/// The deployer function's per-message work. A sync that ran out of time makes its message visible again soon (it is
/// the first of its FIFO group, so it comes back before anything queued behind it) and is reported as not done.
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

        return outcome.KeepsMessage ? MessageResult.Failed(outcome.Message) : MessageResult.Handled(outcome.Message);
    }
}
