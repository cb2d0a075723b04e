namespace ServerlessDeploy.State;

/// <summary>What a finished (or waiting) operation records: the app's status and a history entry.</summary>
public interface IStateWrites
{
    /// <summary>How many history entries are kept per app (Argo CD's default revisionHistoryLimit).</summary>
    const int HistoryLimit = 10;

    /// <summary>Writes the app's whole status, however many resources it has (a store splits what exceeds its item size).</summary>
    Task PutAppAsync(AppState state, CancellationToken cancellationToken);

    /// <summary>Adds a history entry with the next id for the app (1, 2, …; never reused) and drops the oldest beyond the limit; returns the entry as stored.</summary>
    Task<HistoryEntry> AppendHistoryAsync(string app, HistoryEntry entry, CancellationToken cancellationToken);
}
