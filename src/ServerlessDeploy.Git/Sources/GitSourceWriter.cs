using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Git.Sources;

/// <summary>Git as the pipeline's write-back port: edits committed on a branch and pushed, with the repository's credentials looked up here.</summary>
public sealed class GitSourceWriter(GitSources sources, IGitCredentialSource credentials) : ISourceWriter
{
    public async Task<string> CommitAsync(
        string repoUrl, string branch, IReadOnlyList<FileEdit> edits, CommitIdentity author, string message, CancellationToken cancellationToken) =>
        await sources.CommitAndPushAsync(repoUrl, branch, edits, author, message, await credentials.ForAsync(repoUrl, cancellationToken), cancellationToken);
}
