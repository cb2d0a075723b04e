using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>
/// An app's timeline from the state: its last operation, then each history entry that recorded its stages (the last
/// operation's own entry, when it succeeded, is not shown twice).
/// </summary>
public sealed class TimelineQuery(IStateReads reads)
{
    /// <returns>Null when the state has no app by that name.</returns>
    public async Task<TimelineView?> GetAsync(string app, CancellationToken cancellationToken)
    {
        if (await reads.GetAppAsync(app, cancellationToken) is not { } state)
        {
            return null;
        }

        var history = await reads.HistoryAsync(app, cancellationToken);
        var last = state.Stages is { } stages
            ? [OperationTimeline.Of(stages, state.AttemptedRevision ?? state.Revision, state.Phase, state.Message)]
            : Array.Empty<TimelineOperation>();
        var earlier = history.Where(entry => entry.Stages?.StartedAt != state.Stages?.StartedAt).SelectMany(Operation);
        return new TimelineView(app, [.. last, .. earlier]);
    }

    private static IEnumerable<TimelineOperation> Operation(HistoryEntry entry) =>
        entry.Stages is { } stages ? [OperationTimeline.Of(stages, entry.Revision, entry.Phase, entry.Message)] : [];
}
