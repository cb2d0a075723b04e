namespace ServerlessDeploy.Core.Triggers;

/// <summary>Someone asked to sync one application, optionally to a given revision, with the sync dialog's <see cref="Choices"/>.</summary>
public sealed record SyncRequested(string App, string? Revision, string Requester) : Trigger
{
    public SyncChoices Choices { get; init; } = SyncChoices.None;
}
