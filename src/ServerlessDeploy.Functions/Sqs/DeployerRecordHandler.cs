using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>The deployer function's record handler: one deploy request or wake-up through <see cref="DeployerHandler.HandleAsync"/>
/// (taken as a delegate, the seam tests drive), with the invocation's deadline so a long sync stops in time and waits
/// for its wake-up. Records of the queues in <c>byQueueArn</c> (the wake-up queue) go to that queue's handler, whose
/// retries change visibility on that queue.</summary>
internal sealed class DeployerRecordHandler : ISqsRecordHandler
{
    private readonly Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>> _deployer;
    private readonly JsonLog _log;
    private readonly IReadOnlyDictionary<string, Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>>> _byQueueArn;

    public DeployerRecordHandler(
        Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>> deployer,
        JsonLog log,
        IReadOnlyDictionary<string, Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>>>? byQueueArn = null)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(log);
        _deployer = deployer;
        _log = log;
        _byQueueArn = byQueueArn ?? new Dictionary<string, Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>>>();
    }

    public async Task<RecordResult> HandleAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var handle = _byQueueArn.GetValueOrDefault(record.EventSourceArn) ?? _deployer;
        var result = await handle(record.ToReceivedMessage(), context.Deadline, cancellationToken).ConfigureAwait(false);
        result.LogIfDone(_log, context.RequestId, record.MessageId);
        return result.ToRecordResult();
    }
}
