using System.Collections.Concurrent;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>One lock per repository (by cache key): one clone, fetch or push at a time per mirror, different repositories in parallel.</summary>
internal sealed class RepositoryLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            gate.Release();
        }
    }
}
