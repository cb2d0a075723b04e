namespace ServerlessDeploy.Aws.CodePipeline;

/// <summary>Where a pipeline artifact is stored: the pipeline's artifact bucket and the artifact's object key.</summary>
public sealed record ArtifactLocation(string Bucket, string Key);
