namespace ServerlessDeploy.Testing.Http;

/// <summary>An answer the recording server gives to the next request.</summary>
/// <param name="Bytes">A binary body (an S3 object), sent instead of <paramref name="Body"/> when set.</param>
/// <param name="Silent">No answer at all: the server holds the request until the client gives up on it (its own timeout).</param>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null, byte[]? Bytes = null, bool Silent = false)
{
    /// <summary>How long a silent answer holds a request the client never gives up on, so a test cannot hang.</summary>
    public static readonly TimeSpan SilenceCeiling = TimeSpan.FromMinutes(2);

    /// <summary>Never answers: for a client's timeout, tested with the client's timeout short rather than the server slow.</summary>
    public static ScriptedResponse NoAnswer { get; } = new(599, "{\"message\":\"the client did not give up\"}", Silent: true);
}
