namespace ServerlessDeploy.Git.Mirrors;

/// <summary>What the remote's HEAD is: its default branch (a full ref name), or a detached commit, or nothing (an empty repository).</summary>
internal sealed record RemoteHead(string? Branch, string? DetachedSha)
{
    public static RemoteHead None { get; } = new(null, null);
}
