namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// A branch created or moved in a Git repository. <see cref="Source"/> is <c>codecommit</c> or <c>github</c>;
/// <see cref="OldCommit"/> is null when the branch was created.
/// </summary>
public sealed record GitPushed(
    string Source,
    string RepositoryName,
    string? RepositoryUrl,
    string Branch,
    string? OldCommit,
    string NewCommit,
    DateTimeOffset Time) : Trigger
{
    public const string CodeCommit = "codecommit";
    public const string GitHub = "github";
}
