namespace ServerlessDeploy.Aws.CodePipeline;

/// <summary>How <see cref="S3Artifacts"/> reaches S3.</summary>
/// <param name="Region">The pipeline's region (its artifact bucket is there).</param>
/// <param name="ServiceUrl">An explicit endpoint (tests, VPC endpoints), addressed path-style; null means S3's regional endpoint.</param>
public sealed record S3ArtifactOptions(string Region, Uri? ServiceUrl = null);
