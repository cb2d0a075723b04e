namespace ServerlessDeploy.Core.Sources;

/// <summary>The branch a source's HEAD names (main for refs/heads/main) and the commit at its tip, read together.</summary>
public sealed record DefaultBranch(string Name, string Tip);
