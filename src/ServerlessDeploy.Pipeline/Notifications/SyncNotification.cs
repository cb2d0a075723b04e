namespace ServerlessDeploy.Pipeline.Notifications;

/// <summary>What a finished sync tells the world: EventBridge detail and the chat message are both made from it.</summary>
/// <param name="Kind">Which of the three events this is.</param>
public sealed record SyncNotification(
    NotificationKind Kind,
    string App,
    string Revision,
    IReadOnlyList<string> Images,
    string Health,
    string Message,
    DateTimeOffset FinishedAt);
