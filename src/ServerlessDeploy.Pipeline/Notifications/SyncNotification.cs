namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>
/// What a finished sync, or a Rollout's transition, tells the world: EventBridge detail and the chat message are both
/// made from it.
/// </summary>
/// <param name="Kind">Which event this is.</param>
/// <param name="FinishedAt">When the sync finished, or when the transition was made.</param>
public sealed record SyncNotification(
    NotificationKind Kind,
    string App,
    string Revision,
    IReadOnlyList<string> Images,
    string Health,
    string Message,
    DateTimeOffset FinishedAt)
{
    /// <summary>For a Rollout transition: the Rollout, its step and weights; null for a sync.</summary>
    public RolloutNotice? Rollout { get; init; }
}
