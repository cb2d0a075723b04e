using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>
/// Temporary credentials CodePipeline gives the job to read and write its artifacts: an access key id, a secret access
/// key and a session token, nothing else (a job event carries no expiry). They are secrets: the string form names only
/// the access key id, so logging the event's records never prints the secret key or the session token.
/// </summary>
public sealed record CodePipelineArtifactCredentials(
    [property: JsonPropertyName("accessKeyId")] string AccessKeyId,
    [property: JsonPropertyName("secretAccessKey")] string SecretAccessKey,
    [property: JsonPropertyName("sessionToken")] string SessionToken)
{
    public override string ToString() => $"{nameof(CodePipelineArtifactCredentials)} {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = *** }}";
}
