using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>The deployer function's record handler: one deploy request through <see cref="DeployerHandler.HandleAsync"/>
/// (taken as a delegate, the seam tests drive), with the invocation's deadline so a long sync stops in time, records
/// where it got to and is continued by the next delivery.</summary>
internal sealed class DeployerRecordHandler : ISqsRecordHandler
{
    private readonly Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>> _deployer;
    private readonly JsonLog _log;

    public DeployerRecordHandler(Func<ReceivedMessage, DateTimeOffset?, CancellationToken, Task<MessageResult>> deployer, JsonLog log)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(log);
        _deployer = deployer;
        _log = log;
    }

    public async Task<RecordResult> HandleAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var result = await _deployer(record.ToReceivedMessage(), context.Deadline, cancellationToken).ConfigureAwait(false);
        result.LogIfDone(_log, context.RequestId, record.MessageId);
        return result.ToRecordResult();
    }
}
