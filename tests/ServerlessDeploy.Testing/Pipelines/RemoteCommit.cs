namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>A commit of the remote, read out of the repository.</summary>
public sealed record RemoteCommit(string Sha, string Message, IReadOnlyList<string> Parents);
