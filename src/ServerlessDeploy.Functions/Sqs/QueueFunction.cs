using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>
/// A queue-fed function (router, deployer): each record of the SQS batch becomes the pipeline's message, its queue's
/// stage settles it with the invocation's deadline, a done result is logged, and the result becomes the record's;
/// <see cref="SqsBatchProcessor"/> turns the records' results into partial batch failures, logs each failure with its
/// message id and records its reason. A stage returns what it expects as a result, so an exception from it is
/// unexpected: the record fails with a reason that names this function, never the message body.
/// </summary>
internal sealed class QueueFunction : IFunctionHandler
{
    private readonly string _name;
    private readonly QueueStages _stages;
    private readonly JsonLog _log;
    private readonly SqsBatchProcessor _processor;

    /// <param name="name">The function's handler name, as the log and the recorded failures show it.</param>
    public QueueFunction(string name, QueueStages stages, JsonLog log, IFailureRecorder? failureRecorder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(log);
        _name = name;
        _stages = stages;
        _log = log;
        _processor = new SqsBatchProcessor(log, failureRecorder);
    }

    public async Task<byte[]> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var batch = SqsEvent.Parse(invocation.Event);
        var context = invocation.Context;
        var response = await _processor.ProcessAsync(
            batch,
            context.RequestId,
            (record, token) => HandleRecordAsync(record, context, token),
            cancellationToken);
        return response.ToJson();
    }

    /// <summary>One record of the invocation, as the batch runs it; tests drive the stages one record at a time here.</summary>
    public async Task<RecordResult> HandleRecordAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var stage = _stages.For(record.EventSourceArn);
        MessageResult result;
        try
        {
            result = await stage(record.ToReceivedMessage(), context.Deadline, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever a stage throws fails this record only; the batch goes on and the message comes back.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return RecordResult.Retry(Unexpected(exception));
        }

        result.LogIfDone(_log, context.RequestId, record.MessageId);
        return result.ToRecordResult();
    }

    /// <summary>The exception's type and message (as the Runtime API takes an error: nothing else it carries), named for this function.</summary>
    private string Unexpected(Exception exception)
    {
        var error = RuntimeError.From(exception);
        return $"{_name}: unexpected {error.ErrorType}: {error.ErrorMessage}";
    }
}
