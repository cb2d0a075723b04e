using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>A batch of SQS messages as Lambda delivers it from an event source mapping.
/// Stands in for Amazon.Lambda.SQSEvents' <c>SQSEvent</c>, which is not served here.</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsRecord> Records)
{
    /// <summary>Reads an SQS event; anything else throws <see cref="LambdaEventFormatException"/> naming what is missing.</summary>
    public static SqsEvent Parse(ReadOnlySpan<byte> json) =>
        LambdaEventJson.Parse(json, LambdaEventJsonContext.Default.SqsEvent, "an SQS event");

    /// <summary>True when the messages come from a FIFO queue, where order within a message group must be kept.</summary>
    [JsonIgnore]
    public bool IsFromFifoQueue => Records.Any(record => record.IsFromFifoQueue);
}
