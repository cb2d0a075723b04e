using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Locations;

namespace ServerlessDeploy.Git.Push;

/// <summary>One commit to write on a branch: the edits, who by, the message and the credentials to push with.</summary>
internal sealed record PushRequest(
    RepositoryLocation Location,
    string Branch,
    IReadOnlyList<FileEdit> Edits,
    CommitIdentity Author,
    string Message,
    GitCredentials? Credentials)
{
    public string BranchRef => "refs/heads/" + Branch;
}
