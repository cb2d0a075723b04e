namespace ServerlessDeploy.State.ReadModel;

/// <summary>Builds the read model's views from recorded state: pure, so a view is what the state says and nothing more.</summary>
public static class AppViews
{
    public static AppSummary Summary(AppState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new AppSummary(
            state.App,
            state.SyncStatus,
            state.Health,
            state.Revision,
            state.RevisionInfo,
            new OperationView(state.Phase, state.Message, state.StartedAt, state.FinishedAt, null),
            state.Images,
            AppFacetsReader.Read(state.Manifest),
            ComparedRevision(state));
    }

    /// <summary>
    /// The commit the app's sync status is against. A record written before it was kept says only what its last operation
    /// tried or deployed, which is what that operation compared with.
    /// </summary>
    public static string? ComparedRevision(AppState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ComparedRevision ?? state.AttemptedRevision ?? state.Revision;
    }

    public static AppDetail Detail(AppState state, IReadOnlyList<HistoryEntry> history)
    {
        var summary = Summary(state);
        return new AppDetail(
            summary with { LastOperation = summary.LastOperation with { Stages = state.Stages } },
            state.ImageOverrides,
            [.. state.Resources.Select(Resource)],
            history,
            state.Waiting,
            state.FailedNotice,
            state.LastDryRun);
    }

    private static ResourceView Resource(ResourceState resource) =>
        new(resource.Group, resource.Kind, resource.Namespace, resource.Name, resource.Action, resource.Succeeded, resource.Message, resource.Health, resource.HealthMessage);
}
