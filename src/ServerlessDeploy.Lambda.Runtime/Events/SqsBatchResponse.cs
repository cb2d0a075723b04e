using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The partial batch response (<c>ReportBatchItemFailures</c>): the messages SQS should deliver again; the others are deleted.
/// Stands in for Amazon.Lambda.SQSEvents' <c>SQSBatchResponse</c>.</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure> BatchItemFailures)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, LambdaEventJsonContext.Default.SqsBatchResponse);

    /// <summary>Reads a response written by <see cref="ToJson"/>.</summary>
    public static SqsBatchResponse Parse(ReadOnlySpan<byte> json) =>
        LambdaEventJson.Parse(json, LambdaEventJsonContext.Default.SqsBatchResponse, "an SQS batch response");
}
