using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>The event CodePipeline sends a Lambda invoke action: one job under <c>CodePipeline.job</c>.
/// Stands in for Amazon.Lambda.CodePipelineEvents' <c>CodePipelineJobEvent</c>, which is not served here.</summary>
public sealed record CodePipelineJobEvent([property: JsonPropertyName("CodePipeline.job")] CodePipelineJob Job)
{
    /// <summary>Reads a CodePipeline job event; anything else throws <see cref="LambdaEventFormatException"/> naming what is missing.</summary>
    public static CodePipelineJobEvent Parse(ReadOnlySpan<byte> json) =>
        LambdaEventJson.Parse(json, LambdaEventJsonContext.Default.CodePipelineJobEvent, "a CodePipeline job event");
}
