namespace ServerlessDeploy.Git.Mirrors;

/// <summary>What the remote's HEAD is: its default branch (a full ref name), or a detached commit, or nothing (an empty repository).</summary>
internal sealed record RemoteHead(string? Branch, string? DetachedSha)
{
    public static RemoteHead None { get; } = new(null, null);

    /// <summary>The default branch's short name (main for refs/heads/main); null when HEAD is detached or absent.</summary>
    public string? BranchName =>
        Branch is { } name && name.StartsWith(MirrorRemote.Heads, StringComparison.Ordinal) ? name[MirrorRemote.Heads.Length..] : null;
}
