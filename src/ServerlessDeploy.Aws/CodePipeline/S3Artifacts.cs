using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace ServerlessDeploy.Aws.CodePipeline;

/// <summary>
/// Reads a pipeline artifact from S3 with the credentials CodePipeline hands to the job: they are scoped to the
/// pipeline's artifacts, so the function's own role needs no access to the artifact bucket.
/// </summary>
public sealed class S3Artifacts
{
    private readonly S3ArtifactOptions _options;

    public S3Artifacts(S3ArtifactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        _options = options;
    }

    /// <summary>Copies the artifact's object into <paramref name="destination"/>; S3's refusals surface as <see cref="AmazonS3Exception"/>.</summary>
    public async Task DownloadAsync(ArtifactLocation location, AWSCredentials credentials, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(destination);
        using var client = new AmazonS3Client(credentials, Config());
        using var response = await client.GetObjectAsync(location.Bucket, location.Key, cancellationToken);
        await response.ResponseStream.CopyToAsync(destination, cancellationToken);
    }

    private AmazonS3Config Config() => _options.ServiceUrl is { } url
        ? new AmazonS3Config { ServiceURL = url.ToString(), ForcePathStyle = true, AuthenticationRegion = _options.Region }
        : new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(_options.Region) };
}
