namespace ServerlessDeploy.Git;

/// <summary>Who a commit is by (author and committer); the time comes from the injected clock.</summary>
public sealed record CommitIdentity(string Name, string Email);
