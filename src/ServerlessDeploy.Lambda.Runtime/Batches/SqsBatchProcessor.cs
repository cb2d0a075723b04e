using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Lambda.Runtime.Batches;

/// <summary>
/// Runs a handler over an SQS batch with partial batch semantics (<c>ReportBatchItemFailures</c>).
/// Standard queue: every record is handled on its own and each failure is listed.
/// FIFO queue: handling stops at the first failure, which is listed with every record after it, unhandled,
/// so SQS redelivers them in order and no message overtakes an earlier one of its group.
/// A handler exception is a failure of that record; it is logged with the message id, never the body.
/// </summary>
public sealed class SqsBatchProcessor
{
    private readonly JsonLog _log;
    private readonly IFailureRecorder? _failureRecorder;

    public SqsBatchProcessor(JsonLog log, IFailureRecorder? failureRecorder)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _failureRecorder = failureRecorder;
    }

    public async Task<SqsBatchResponse> ProcessAsync(
        SqsEvent batch,
        string requestId,
        Func<SqsRecord, CancellationToken, Task<RecordResult>> handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(handler);
        var failures = new List<SqsBatchItemFailure>();
        for (var index = 0; index < batch.Records.Count; index++)
        {
            var record = batch.Records[index];
            var result = await HandleAsync(record, handler, cancellationToken);
            if (result.FailureReason is not { } reason)
            {
                continue;
            }

            await RecordFailureAsync(record, requestId, reason, cancellationToken);
            failures.Add(new SqsBatchItemFailure(record.MessageId));
            if (batch.IsFromFifoQueue)
            {
                var unhandled = batch.Records.Skip(index + 1).Select(rest => new SqsBatchItemFailure(rest.MessageId)).ToList();
                if (unhandled.Count > 0)
                {
                    _log.Info(requestId, $"FIFO batch stopped at message {record.MessageId}; {unhandled.Count} later message(s) returned unhandled");
                }
                failures.AddRange(unhandled);
                break;
            }
        }

        return new SqsBatchResponse(failures);
    }

    private static async Task<RecordResult> HandleAsync(
        SqsRecord record, Func<SqsRecord, CancellationToken, Task<RecordResult>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler(record, cancellationToken);
        }
#pragma warning disable CA1031 // Any handler failure is a failure of this record only; the batch goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var error = RuntimeError.From(exception);
            return RecordResult.Retry($"{error.ErrorType}: {error.ErrorMessage}");
        }
    }

    private async Task RecordFailureAsync(SqsRecord record, string requestId, string reason, CancellationToken cancellationToken)
    {
        _log.Error(requestId, $"message {record.MessageId} failed (receive {record.Attributes.ApproximateReceiveCount}): {reason}");
        if (_failureRecorder is null)
        {
            return;
        }

        try
        {
            await _failureRecorder.RecordFailureAsync(record, reason, cancellationToken);
        }
#pragma warning disable CA1031 // The message is retried either way; losing the note must not turn into losing the batch response.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _log.Error(requestId, $"could not record the failure of message {record.MessageId}: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
