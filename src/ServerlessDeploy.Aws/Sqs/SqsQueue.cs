using System.Diagnostics.CodeAnalysis;
using Amazon.SQS;
using Amazon.SQS.Model;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Aws.Sqs;

/// <summary>One SQS queue (standard or FIFO) as the pipeline's queue ports, over AWSSDK.SQS.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is an SQS queue; the name says so.")]
public sealed class SqsQueue : IQueueSender, IVisibilityControl
{
    /// <summary>SQS's longest visibility timeout, 12 hours.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromSeconds(43_200);

    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;

    public SqsQueue(IAmazonSQS sqs, string queueUrl)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        _sqs = sqs;
        _queueUrl = queueUrl;
    }

    public Task SendAsync(QueueMessage message, CancellationToken cancellationToken) => SendForIdAsync(message, cancellationToken);

    /// <summary>Sends, and returns the id SQS gave the message, for a caller that reports it (the CLI does).</summary>
    public async Task<string> SendForIdAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Null, not empty, when unset: SQS refuses these attributes on a standard queue.
        var response = await _sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = _queueUrl,
            MessageBody = message.Body,
            MessageGroupId = message.GroupId,
            MessageDeduplicationId = message.DeduplicationId,
            DelaySeconds = DelaySeconds(message),
        }, cancellationToken);
        return response.MessageId;
    }

    /// <summary>Makes the message visible again after <paramref name="visibleIn"/>, clamped to SQS's 0 s .. 12 h.</summary>
    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibleIn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHandle);
        await _sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
        {
            QueueUrl = _queueUrl,
            ReceiptHandle = receiptHandle,
            VisibilityTimeout = VisibilitySeconds(visibleIn),
        }, cancellationToken);
    }

    /// <summary>
    /// A message timer in whole seconds, rounded up so the message never arrives early. Refused on a FIFO queue (SQS
    /// allows only a queue-wide delay there) and beyond SQS's 15 minutes (a longer wait needs another timer), before
    /// anything is sent.
    /// </summary>
    private int? DelaySeconds(QueueMessage message)
    {
        if (message.Delay is not { } delay)
        {
            return null;
        }

        if (_queueUrl.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw new ArgumentException($"queue {_queueUrl} is FIFO: SQS takes no per-message delay there", nameof(message));
        }

        var seconds = Math.Ceiling(delay.TotalSeconds);
        return seconds >= 0 && seconds <= QueueMessage.MaxDelay.TotalSeconds
            ? (int)seconds
            : throw new ArgumentOutOfRangeException(nameof(message), delay, "an SQS message timer is 0 s .. 15 min");
    }

    /// <summary>Whole seconds, rounded up so a message never reappears early.</summary>
    internal static int VisibilitySeconds(TimeSpan visibleIn) =>
        (int)Math.Clamp(Math.Ceiling(visibleIn.TotalSeconds), 0, MaxVisibility.TotalSeconds);
}
