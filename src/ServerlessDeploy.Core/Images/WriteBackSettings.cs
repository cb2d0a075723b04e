namespace ServerlessDeploy.Core.Images;

/// <summary>The app-wide write-back annotations, read and valid.</summary>
internal sealed record WriteBackSettings(WriteBackMethod Method, string? GitBranch, string? GitWriteBranch, WriteBackTarget? Target);
