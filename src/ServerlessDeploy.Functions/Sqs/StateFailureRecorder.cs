using System.Text;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>Keeps a failed message's last error in the state store, so a message that reaches the dead-letter queue
/// has its reason on record (looked up by message id).</summary>
internal sealed class StateFailureRecorder : IFailureRecorder
{
    /// <summary>As long as SQS keeps a message at most (14 days), so the note outlives the message it explains.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(14);

    /// <summary>The longest error kept, in UTF-8 bytes: a reason, not a dump, and well inside an item's size.</summary>
    public const int MaxErrorBytes = 4096;

    private const string Cut = "…";

    private readonly IDeliveryFailures _failures;
    private readonly TimeProvider _time;

    public StateFailureRecorder(IDeliveryFailures failures, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(time);
        _failures = failures;
        _time = time;
    }

    public Task RecordFailureAsync(SqsRecord record, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = _time.GetUtcNow();
        var failure = new DeliveryFailure(
            record.MessageId, record.QueueName(), record.Attributes.ApproximateReceiveCount, Capped(reason ?? ""), now, now + KeepFor);
        return _failures.RecordDeliveryFailureAsync(failure, cancellationToken);
    }

    /// <summary>The text cut to <see cref="MaxErrorBytes"/> at a character boundary, marked with "…" when cut.</summary>
    internal static string Capped(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= MaxErrorBytes)
        {
            return text;
        }

        var end = MaxErrorBytes - Encoding.UTF8.GetByteCount(Cut);
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--;
        }
        return Encoding.UTF8.GetString(bytes, 0, end) + Cut;
    }
}
