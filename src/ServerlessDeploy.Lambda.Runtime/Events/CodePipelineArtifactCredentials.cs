using System.Text.Json.Serialization;

namespace ServerlessDeploy.Lambda.Runtime.Events;

/// <summary>
/// Temporary credentials CodePipeline gives the job to read and write its artifacts. They are secrets: the string form
/// names only the access key id, so logging the event's records never prints the secret key or the session token.
/// </summary>
/// <param name="ExpirationTime">When the credentials expire, in milliseconds since the Unix epoch.</param>
public sealed record CodePipelineArtifactCredentials(
    [property: JsonPropertyName("accessKeyId")] string AccessKeyId,
    [property: JsonPropertyName("secretAccessKey")] string SecretAccessKey,
    [property: JsonPropertyName("sessionToken")] string SessionToken,
    [property: JsonPropertyName("expirationTime")] long ExpirationTime)
{
    public override string ToString() => $"{nameof(CodePipelineArtifactCredentials)} {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = *** }}";
}
