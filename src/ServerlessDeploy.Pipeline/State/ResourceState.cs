using System.Text.Json.Serialization;
using ServerlessDeploy.Core.Engine;

namespace ServerlessDeploy.Pipeline.State;

/// <summary>One resource's result in the last sync (Argo CD's status.operationState.syncResult.resources[]).</summary>
/// <param name="Action">Stored as its wire text (created, configured, hook created, …).</param>
public sealed record ResourceState(
    string Group,
    string Kind,
    string Namespace,
    string Name,
    string Phase,
    int Wave,
    [property: JsonConverter(typeof(ResourceActionJson))] ResourceAction Action,
    bool Succeeded,
    string Message,
    string? Health);
