namespace ServerlessDeploy.Core.Sources;

/// <summary>
/// A resolved revision: its id (a commit sha, an artifact's label; empty for a plain folder) and, when the source keeps
/// them, who made it, what it says and when.
/// </summary>
public sealed record SourceRevision(string Id, CommitIdentity? Author = null, string? Message = null, DateTimeOffset? Time = null);
