namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// Someone asked to roll one application back to a history entry; a null <see cref="HistoryId"/>
/// means the entry before the current one.
/// </summary>
public sealed record RollbackRequested(string App, long? HistoryId, bool Force) : Trigger
{
    /// <summary>Who asked, recorded as the rollback's initiator; requests written before it was carried say "rollback".</summary>
    public string Requester { get; init; } = "rollback";
}
