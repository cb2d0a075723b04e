using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Tests.Support;

/// <summary>
/// A registry with no older tags that runs an action the first time the image updater asks it: after the deployer read
/// the branch head and before it pushes its write-back, which is where a concurrent push to the remote hurts.
/// </summary>
public sealed class InterleavingRegistry(Action interleave) : IImageRegistry
{
    private int _asked;

    public Task<IReadOnlyList<CatalogImage>> TagsAsync(string image, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _asked) == 1)
        {
            interleave();
        }

        return Task.FromResult<IReadOnlyList<CatalogImage>>([]);
    }
}
