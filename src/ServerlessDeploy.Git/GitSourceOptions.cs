namespace ServerlessDeploy.Git;

/// <summary>
/// Where the Git adapter keeps its cache (one bare mirror per repository under <c>repos/</c>, one folder per
/// materialised commit under <c>trees/</c>) and how often a rejected push is retried.
/// </summary>
/// <param name="CacheDirectory">An absolute folder the process may write to (in Lambda, under /tmp).</param>
public sealed record GitSourceOptions(string CacheDirectory)
{
    /// <summary>How many times a commit is pushed before a non-fast-forward rejection is reported.</summary>
    public int PushAttempts { get; init; } = 5;

    /// <summary>The pause before pushing again after a rejection; grows linearly with the attempt.</summary>
    public TimeSpan PushRetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(CacheDirectory) || !Path.IsPathFullyQualified(CacheDirectory))
        {
            throw new ArgumentException($"CacheDirectory must be an absolute path, not \"{CacheDirectory}\"", nameof(CacheDirectory));
        }

        if (PushAttempts < 1)
        {
            throw new ArgumentException($"PushAttempts must be at least 1, not {PushAttempts}", nameof(PushAttempts));
        }

        if (PushRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"PushRetryDelay may not be negative, not {PushRetryDelay}", nameof(PushRetryDelay));
        }
    }
}
