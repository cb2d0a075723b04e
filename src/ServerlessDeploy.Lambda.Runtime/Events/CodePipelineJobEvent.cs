using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The event CodePipeline sends a Lambda invoke action: one job under <c>CodePipeline.job</c>.
/// Stands in for Amazon.Lambda.CodePipelineEvents' <c>CodePipelineJobEvent</c>, which is not served here.</summary>
public sealed record CodePipelineJobEvent([property: JsonPropertyName("CodePipeline.job")] CodePipelineJob Job)
{
    /// <summary>Reads a CodePipeline job event; anything else throws <see cref="LambdaEventFormatException"/> naming what is missing.</summary>
    public static CodePipelineJobEvent Parse(ReadOnlySpan<byte> json) =>
        LambdaEventJson.Parse(json, LambdaEventJsonContext.Default.CodePipelineJobEvent, "a CodePipeline job event");

    /// <summary>
    /// Just the job's id, from an event <see cref="Parse"/> refuses, so that job can still be failed; null when there is
    /// no <c>CodePipeline.job.id</c> in CodePipeline's UUID form (so nothing else in the event is ever taken for an id).
    /// </summary>
    public static string? ReadJobId(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("CodePipeline.job", out var job) && job.ValueKind == JsonValueKind.Object
                && job.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && Guid.TryParseExact(id.GetString(), "D", out _)
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
