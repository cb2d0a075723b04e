using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>Where an artifact is stored; CodePipeline's only store type is S3.</summary>
public sealed record CodePipelineArtifactLocation(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("s3Location")] CodePipelineS3Location S3Location);
