namespace ServerlessDeploy.State;

/// <summary>One sync per app at a time across the queue, the CodePipeline action and the CLI.</summary>
public interface ILeases
{
    /// <summary>
    /// Takes the app's lease for <paramref name="owner"/> until <paramref name="expiresAt"/> with one conditional write:
    /// succeeds when no lease is held, the held one expired before <paramref name="now"/>, or the owner already holds it (renewal).
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string app, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Releases the lease when <paramref name="owner"/> holds it; does nothing otherwise.</summary>
    Task ReleaseLeaseAsync(string app, string owner, CancellationToken cancellationToken);

    /// <summary>The current lease holder, or null when free or expired at <paramref name="now"/>.</summary>
    Task<Lease?> GetLeaseAsync(string app, DateTimeOffset now, CancellationToken cancellationToken);
}
