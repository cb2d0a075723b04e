using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>An input or output artifact of the job.</summary>
/// <param name="Revision">The source revision the artifact was made from (a commit id, an S3 version), when CodePipeline knows it.</param>
public sealed record CodePipelineArtifact(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("location")] CodePipelineArtifactLocation Location,
    [property: JsonPropertyName("revision")] string? Revision = null);
