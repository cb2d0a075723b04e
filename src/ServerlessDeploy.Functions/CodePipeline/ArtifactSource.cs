using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Sources;

namespace ServerlessDeploy.Functions.CodePipeline;

/// <summary>
/// A job's unpacked input artifact as the app's source for that one deploy. It has no history: every revision resolves
/// to its label (the pipeline's source revision, else the object key), its tree is the unpacked folder, and nothing is
/// older or newer than it, so it is deployed without the ancestry check a Git commit gets.
/// </summary>
/// <param name="root">The folder that stands for the repository root (the app's source path is under it).</param>
/// <param name="label">What is recorded as the deployed revision.</param>
internal sealed class ArtifactSource(string root, string label) : ISourceRepository
{
    public Task<RevisionLookup> ResolveAsync(string repoUrl, string revision, CancellationToken cancellationToken) =>
        Task.FromResult(RevisionLookup.Found(new SourceRevision(label)));

    public Task<ISourceTree> CheckoutAsync(string repoUrl, string revision, CancellationToken cancellationToken) =>
        Task.FromResult<ISourceTree>(new FolderTree(root, label, repoUrl));

    public Task<RevisionOrder> CompareAsync(string repoUrl, string revision, string baseline, CancellationToken cancellationToken) =>
        Task.FromResult(RevisionOrder.Unknown);

    /// <summary>Null: an artifact cannot tell what changed, so every path counts.</summary>
    public Task<IReadOnlyList<string>?> ChangedPathsAsync(string repoUrl, string fromRevision, string toRevision, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(null);

    /// <summary>Null: an artifact has no branches.</summary>
    public Task<DefaultBranch?> DefaultBranchAsync(string repoUrl, CancellationToken cancellationToken) =>
        Task.FromResult<DefaultBranch?>(null);
}
