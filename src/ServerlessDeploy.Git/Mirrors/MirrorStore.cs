using LibGit2Sharp;
using ServerlessDeploy.Git.Locations;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>
/// The bare mirrors under <c>&lt;cache&gt;/repos/&lt;hash of the URL&gt;.git</c>. Work on a mirror runs off the caller's
/// thread, one operation at a time per repository.
/// </summary>
internal sealed class MirrorStore(string cacheDirectory)
{
    private readonly RepositoryLocks _locks = new();

    public string PathOf(RepositoryLocation location) => Path.Combine(cacheDirectory, "repos", location.CacheKey + ".git");

    /// <summary>Runs <paramref name="work"/> on the opened (created when missing) mirror, holding the repository's lock.</summary>
    public Task<T> RunAsync<T>(RepositoryLocation location, Func<Repository, T> work, CancellationToken cancellationToken) =>
        _locks.RunAsync(location.CacheKey, () => Task.Run(() => Open(location, work), cancellationToken), cancellationToken);

    /// <summary>Holds the repository's lock around asynchronous work that opens the mirror itself (pushes with pauses between attempts).</summary>
    public Task<T> LockAsync<T>(RepositoryLocation location, Func<Task<T>> work, CancellationToken cancellationToken) =>
        _locks.RunAsync(location.CacheKey, work, cancellationToken);

    /// <summary>Opens the mirror (creating it when missing) for work already under the lock.</summary>
    public T Open<T>(RepositoryLocation location, Func<Repository, T> work)
    {
        var path = PathOf(location);
        if (!Repository.IsValid(path))
        {
            Directory.CreateDirectory(path);
            Repository.Init(path, isBare: true);
        }

        using var mirror = new Repository(path);
        return work(mirror);
    }
}
