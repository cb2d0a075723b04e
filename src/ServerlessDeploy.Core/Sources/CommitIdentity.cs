namespace ServerlessDeploy.Core.Sources;

/// <summary>Who a commit is by (author and committer).</summary>
public sealed record CommitIdentity(string Name, string Email);
