using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>An artifact's object in the pipeline's artifact bucket.</summary>
public sealed record CodePipelineS3Location(
    [property: JsonPropertyName("bucketName")] string BucketName,
    [property: JsonPropertyName("objectKey")] string ObjectKey);
