using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>The router function's record handler: one intake message through <see cref="RouterHandler"/>.</summary>
internal sealed class RouterRecordHandler : ISqsRecordHandler
{
    private readonly RouterHandler _router;
    private readonly JsonLog _log;

    public RouterRecordHandler(RouterHandler router, JsonLog log)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(log);
        _router = router;
        _log = log;
    }

    public async Task<RecordResult> HandleAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var result = await _router.HandleAsync(record.ToReceivedMessage(), cancellationToken).ConfigureAwait(false);
        result.LogIfDone(_log, context.RequestId, record.MessageId);
        return result.ToRecordResult();
    }
}
