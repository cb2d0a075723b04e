namespace ServerlessDeploy.Git.Push;

/// <summary>How one push went: the sha that landed, or why the remote refused it (another commit got there first).</summary>
internal sealed record PushAttempt(string? Sha, string? Rejection)
{
    public static PushAttempt Landed(string sha) => new(sha, null);

    public static PushAttempt Rejected(string reason) => new(null, reason);
}
