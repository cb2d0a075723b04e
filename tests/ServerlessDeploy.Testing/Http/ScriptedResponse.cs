namespace ServerlessDeploy.Testing.Http;

/// <summary>An answer the recording server gives to the next request.</summary>
/// <param name="Bytes">A binary body (an S3 object), sent instead of <paramref name="Body"/> when set.</param>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null, byte[]? Bytes = null);
