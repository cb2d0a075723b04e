using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>The record handler of every queue-fed function (router, deployer): the record becomes the pipeline's
/// message, the stage settles it with the invocation's deadline, a done result is logged and the result becomes the
/// record's. Records of the queues in <c>byQueueArn</c> (the deployer's wake-up queue) go to that queue's stage,
/// whose retries change visibility on that queue.</summary>
internal sealed class StageRecordHandler : ISqsRecordHandler
{
    private readonly MessageStage _stage;
    private readonly JsonLog _log;
    private readonly IReadOnlyDictionary<string, MessageStage> _byQueueArn;

    public StageRecordHandler(MessageStage stage, JsonLog log, IReadOnlyDictionary<string, MessageStage>? byQueueArn = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(log);
        _stage = stage;
        _log = log;
        _byQueueArn = byQueueArn ?? new Dictionary<string, MessageStage>();
    }

    public async Task<RecordResult> HandleAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var stage = _byQueueArn.GetValueOrDefault(record.EventSourceArn) ?? _stage;
        var result = await stage(record.ToReceivedMessage(), context.Deadline, cancellationToken).ConfigureAwait(false);
        result.LogIfDone(_log, context.RequestId, record.MessageId);
        return result.ToRecordResult();
    }
}
