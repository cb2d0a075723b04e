using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>One SQS message in an <see cref="SqsEvent"/> (the fields the functions use; others are ignored).
/// Stands in for Amazon.Lambda.SQSEvents' <c>SQSEvent.SQSMessage</c>.</summary>
public sealed record SqsRecord(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string ReceiptHandle,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("attributes")] SqsRecordAttributes Attributes,
    [property: JsonPropertyName("eventSourceARN")] string EventSourceArn)
{
    /// <summary>FIFO queue names end with <c>.fifo</c>, and so do their ARNs.</summary>
    [JsonIgnore]
    public bool IsFromFifoQueue => EventSourceArn.EndsWith(".fifo", StringComparison.Ordinal);
}
