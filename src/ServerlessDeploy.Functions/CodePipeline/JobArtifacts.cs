using Amazon.Runtime;
using Amazon.S3;
using ServerlessDeploy.Aws.CodePipeline;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>
/// The job's first input artifact, downloaded from S3 with the job's artifact credentials (and only those) and
/// unpacked, as the source to deploy. Its revision is the pipeline execution's source revision when CodePipeline
/// gives one, else the artifact's object key.
/// </summary>
internal sealed class JobArtifacts(S3Artifacts s3)
{
    public async Task<ArtifactSource> UnpackAsync(CodePipelineJob job, string folder, CancellationToken cancellationToken)
    {
        var artifact = job.Data.InputArtifacts.Count > 0
            ? job.Data.InputArtifacts[0]
            : throw new InvalidArtifactException("\"source\": \"artifact\" is set, but the action has no input artifact");
        if (artifact.Location.Type != "S3")
        {
            throw new InvalidArtifactException($"the input artifact '{artifact.Name}' is stored in '{artifact.Location.Type}', not S3");
        }

        var s3Location = artifact.Location.S3Location;
        var credentials = job.Data.ArtifactCredentials;
        var zip = Path.Combine(folder, "artifact.zip");
        try
        {
            await using (var file = File.Create(zip))
            {
                await s3.DownloadAsync(
                    new ArtifactLocation(s3Location.BucketName, s3Location.ObjectKey),
                    new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
                    file,
                    cancellationToken);
            }
        }
        catch (AmazonS3Exception e)
        {
            throw new InvalidArtifactException($"the input artifact '{artifact.Name}' (s3://{s3Location.BucketName}/{s3Location.ObjectKey}) cannot be read: {e.ErrorCode}: {e.Message}", e);
        }

        var root = Path.Combine(folder, "source");
        await using (var stream = File.OpenRead(zip))
        {
            await ArtifactZip.ExtractAsync(stream, root, cancellationToken);
        }

        return new ArtifactSource(root, artifact.Revision is { Length: > 0 } revision ? revision : s3Location.ObjectKey);
    }
}
