namespace ServerlessDeploy.Pipeline.State;

/// <summary>
/// Everything the pipeline remembers between events: per app its status, the last <see cref="HistoryLimit"/> syncs and a
/// lease; idempotency marks; the last error of a message that keeps failing; the image catalog. DynamoDB in AWS, SQLite locally; both
/// pass the same contract tests. Every method is safe to call concurrently from several processes.
/// </summary>
public interface IStateStore
{
    /// <summary>How many history entries are kept per app (Argo CD's default revisionHistoryLimit).</summary>
    const int HistoryLimit = 10;

    Task<AppState?> GetAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Writes the app's whole status, however many resources it has (a store splits what exceeds its item size).</summary>
    Task PutAppAsync(AppState state, CancellationToken cancellationToken);

    /// <summary>Every app with a recorded status, by name.</summary>
    Task<IReadOnlyList<AppState>> ListAppsAsync(CancellationToken cancellationToken);

    /// <summary>Adds a history entry with the next id for the app (1, 2, …; never reused) and drops the oldest beyond the limit; returns the entry as stored.</summary>
    Task<HistoryEntry> AppendHistoryAsync(string app, HistoryEntry entry, CancellationToken cancellationToken);

    /// <summary>The app's history, newest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string app, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the app's lease for <paramref name="owner"/> until <paramref name="expiresAt"/> with one conditional write:
    /// succeeds when no lease is held, the held one expired before <paramref name="now"/>, or the owner already holds it (renewal).
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string app, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Releases the lease when <paramref name="owner"/> holds it; does nothing otherwise.</summary>
    Task ReleaseLeaseAsync(string app, string owner, CancellationToken cancellationToken);

    /// <summary>The current lease holder, or null when free or expired at <paramref name="now"/>.</summary>
    Task<Lease?> GetLeaseAsync(string app, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="key"/> as done until <paramref name="expiresAt"/>; false when it was already recorded (and not expired).</summary>
    Task<bool> TryMarkDoneAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="key"/> was marked done and has not expired at <paramref name="now"/>.</summary>
    Task<bool> IsDoneAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Keeps the last error of a queue message that failed (overwrites the previous one for the same message id).</summary>
    Task RecordDeliveryFailureAsync(DeliveryFailure failure, CancellationToken cancellationToken);

    Task<DeliveryFailure?> GetDeliveryFailureAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Records a pushed tag; a tag pushed again (moved to a new digest) replaces its earlier record.</summary>
    Task RecordImageAsync(CatalogImage image, CancellationToken cancellationToken);

    /// <summary>Every known tag of <paramref name="image"/>, in no particular order.</summary>
    Task<IReadOnlyList<CatalogImage>> ImagesAsync(string image, CancellationToken cancellationToken);
}
