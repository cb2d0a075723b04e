using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Git.Sources;

/// <summary>
/// Git as the pipeline's source port: each call looks up the repository's credentials itself, and a revision that is
/// not there comes back as a value. Other Git failures (unreachable host, refused credentials) stay exceptions.
/// </summary>
public sealed class GitSourceRepository(GitSources sources, IGitCredentialSource credentials) : ISourceRepository
{
    public async Task<RevisionLookup> ResolveAsync(string repoUrl, string revision, CancellationToken cancellationToken)
    {
        var repoCredentials = await credentials.ForAsync(repoUrl, cancellationToken);
        try
        {
            return RevisionLookup.Found(await sources.DescribeAsync(repoUrl, revision, repoCredentials, cancellationToken));
        }
        catch (GitSourceException e) when (e.Failure == GitFailure.RevisionNotFound)
        {
            return RevisionLookup.NotFound(e.Message);
        }
    }

    public async Task<ISourceTree> CheckoutAsync(string repoUrl, string revision, CancellationToken cancellationToken)
    {
        var checkout = await sources.CheckoutAsync(repoUrl, revision, await credentials.ForAsync(repoUrl, cancellationToken), cancellationToken);
        return new FolderTree(checkout.Root, checkout.Revision, checkout.RepoUrl);
    }

    public async Task<RevisionOrder> CompareAsync(string repoUrl, string revision, string baseline, CancellationToken cancellationToken) =>
        await sources.CompareAsync(repoUrl, revision, baseline, await credentials.ForAsync(repoUrl, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<string>?> ChangedPathsAsync(string repoUrl, string fromRevision, string toRevision, CancellationToken cancellationToken) =>
        await sources.ChangedPathsAsync(repoUrl, fromRevision, toRevision, await credentials.ForAsync(repoUrl, cancellationToken), cancellationToken);

    public async Task<DefaultBranch?> DefaultBranchAsync(string repoUrl, CancellationToken cancellationToken) =>
        await sources.DefaultBranchAsync(repoUrl, await credentials.ForAsync(repoUrl, cancellationToken), cancellationToken);
}
