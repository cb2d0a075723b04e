namespace ServerlessDeploy.Pipeline.State;

/// <summary>One resource's result in the last sync (Argo CD's status.operationState.syncResult.resources[]).</summary>
/// <param name="Action">created, configured, unchanged, pruned, hook created, failed, …</param>
public sealed record ResourceState(
    string Group,
    string Kind,
    string Namespace,
    string Name,
    string Phase,
    int Wave,
    string Action,
    bool Succeeded,
    string Message,
    string? Health);
