namespace ServerlessDeploy.State;

/// <summary>What a reader of the state asks (the CLI, a dashboard, the pipeline before it writes): app statuses and their history.</summary>
public interface IStateReads
{
    Task<AppState?> GetAppAsync(string app, CancellationToken cancellationToken);

    /// <summary>Every app with a recorded status, by name.</summary>
    Task<IReadOnlyList<AppState>> ListAppsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every app with a recorded status, by name, each with no resources (every other field as recorded): what a list of
    /// apps shows, without the part of a status that grows with the app.
    /// </summary>
    Task<IReadOnlyList<AppState>> ListAppsWithoutResourcesAsync(CancellationToken cancellationToken);

    /// <summary>The app's history, newest first, at most <see cref="IStateWrites.HistoryLimit"/> entries.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string app, CancellationToken cancellationToken);
}
