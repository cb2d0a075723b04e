using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>A job's data: the action's configuration, its artifacts, the credentials to read them, and the continuation
/// token when CodePipeline invokes the action again after it returned one.</summary>
public sealed record CodePipelineJobData(
    [property: JsonPropertyName("actionConfiguration")] CodePipelineActionConfiguration ActionConfiguration,
    [property: JsonPropertyName("inputArtifacts")] IReadOnlyList<CodePipelineArtifact> InputArtifacts,
    [property: JsonPropertyName("outputArtifacts")] IReadOnlyList<CodePipelineArtifact> OutputArtifacts,
    [property: JsonPropertyName("artifactCredentials")] CodePipelineArtifactCredentials ArtifactCredentials,
    [property: JsonPropertyName("continuationToken")] string? ContinuationToken = null);
