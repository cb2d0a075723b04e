namespace ServerlessDeploy.State.ReadModel;

/// <summary>What `sdeploy app get` and a dashboard ask of the state, answered from the read ports only.</summary>
public sealed class StateQueries(IStateReads reads)
{
    /// <summary>Every app with a recorded status, by name; a summary shows no resources, so none are read.</summary>
    public async Task<IReadOnlyList<AppSummary>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await reads.ListAppsWithoutResourcesAsync(cancellationToken)).Select(AppViews.Summary)];

    /// <summary>The app in full; null when it has no recorded status.</summary>
    public async Task<AppDetail?> GetAsync(string app, CancellationToken cancellationToken)
    {
        if (await reads.GetAppAsync(app, cancellationToken) is not { } state)
        {
            return null;
        }

        return AppViews.Detail(state, await reads.HistoryAsync(app, cancellationToken));
    }
}
