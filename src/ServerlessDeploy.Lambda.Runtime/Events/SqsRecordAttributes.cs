using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The system attributes of an SQS message. SQS sends every value as a string; the numbers are read as numbers.
/// The group and deduplication ids are set only for FIFO queues.</summary>
public sealed record SqsRecordAttributes(
    [property: JsonPropertyName("ApproximateReceiveCount"), JsonNumberHandling(SqsRecordAttributes.NumberAsString)] int ApproximateReceiveCount,
    [property: JsonPropertyName("SentTimestamp"), JsonNumberHandling(SqsRecordAttributes.NumberAsString)] long SentTimestamp,
    [property: JsonPropertyName("MessageGroupId")] string? MessageGroupId = null,
    [property: JsonPropertyName("MessageDeduplicationId")] string? MessageDeduplicationId = null,
    [property: JsonPropertyName("SequenceNumber")] string? SequenceNumber = null)
{
    private const JsonNumberHandling NumberAsString = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString;

    /// <summary>When SQS accepted the message.</summary>
    [JsonIgnore]
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeMilliseconds(SentTimestamp);
}
