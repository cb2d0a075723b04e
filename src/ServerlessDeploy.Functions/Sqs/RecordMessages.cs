using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>The translation between an SQS record and the pipeline's queue-neutral message and result.</summary>
internal static class RecordMessages
{
    public static ReceivedMessage ToReceivedMessage(this SqsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ReceivedMessage(record.MessageId, record.Body, record.Attributes.ApproximateReceiveCount, record.ReceiptHandle, record.Attributes.SentAt);
    }

    /// <summary>Done deletes the message; anything else goes back to the queue with the handler's reason.</summary>
    public static RecordResult ToRecordResult(this MessageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Done)
        {
            return RecordResult.Done;
        }

        return RecordResult.Retry(string.IsNullOrWhiteSpace(result.Message) ? "the handler failed without a reason" : result.Message);
    }

    /// <summary>A message that is done is logged with its outcome: as a warning when the result carries one, else as information.
    /// A failure is not logged here; the batch processor logs it with its receive count.</summary>
    public static void LogIfDone(this MessageResult result, JsonLog log, string requestId, string messageId)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(log);
        if (!result.Done)
        {
            return;
        }

        log.Write(result.Warning ? "WARN" : "INFO", requestId, $"message {messageId}: {result.Message}", result.Counts);
    }

    /// <summary>The queue's name: the last part of the record's eventSourceARN (arn:aws:sqs:region:account:name).</summary>
    public static string QueueName(this SqsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var arn = record.EventSourceArn ?? "";
        return arn[(arn.LastIndexOf(':') + 1)..];
    }
}
