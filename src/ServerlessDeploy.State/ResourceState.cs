using System.Text.Json.Serialization;

namespace ServerlessDeploy.State;

/// <summary>One resource's result in the last sync (Argo CD's status.operationState.syncResult.resources[]).</summary>
/// <param name="Action">Stored as its wire text (created, configured, hook created, …).</param>
/// <param name="Health">Null when the sync did not assess it.</param>
/// <param name="HealthMessage">Why the health is what it is (the health rule's message); null in records written before it was kept.</param>
public sealed record ResourceState(
    string Group,
    string Kind,
    string Namespace,
    string Name,
    SyncPhaseCode Phase,
    int Wave,
    [property: JsonConverter(typeof(ResourceResultCodeJson))] ResourceResultCode Action,
    bool Succeeded,
    string Message,
    HealthCode? Health,
    string? HealthMessage = null);
