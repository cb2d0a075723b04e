namespace ServerlessDeploy.State.ReadModel;

/// <summary>One resource of an app as its last sync left it: what the sync did, with its message, and its health with why.</summary>
public sealed record ResourceView(
    string Group,
    string Kind,
    string Namespace,
    string Name,
    ResourceResultCode Status,
    bool Succeeded,
    string Message,
    HealthCode? Health,
    string? HealthMessage);
