namespace ServerlessDeploy.Core.Triggers;

/// <summary>Someone asked to sync one application, optionally to a given revision.</summary>
public sealed record SyncRequested(string App, string? Revision, string Requester) : Trigger;
