using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>A queue-fed function (router, deployer): reads the SQS batch, hands each message to the record handler
/// through <see cref="SqsBatchProcessor"/>, and answers with the messages to deliver again.</summary>
internal sealed class SqsFunction : IFunctionHandler
{
    private readonly ISqsRecordHandler _handler;
    private readonly SqsBatchProcessor _processor;

    public SqsFunction(ISqsRecordHandler handler, SqsBatchProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(processor);
        _handler = handler;
        _processor = processor;
    }

    public async Task<byte[]> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var batch = SqsEvent.Parse(invocation.Event);
        var context = invocation.Context;
        var response = await _processor.ProcessAsync(
            batch,
            context.RequestId,
            (record, token) => _handler.HandleAsync(record, context, token),
            cancellationToken).ConfigureAwait(false);
        return response.ToJson();
    }
}
