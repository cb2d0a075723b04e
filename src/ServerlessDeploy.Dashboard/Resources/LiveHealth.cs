using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Pipeline.State;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>A live object's health by the engine's rules (one per kind), in the state's codes; null for a kind without health.</summary>
public static class LiveHealth
{
    public static HealthLook? Of(JsonObject live) => HealthAssessment.Of(live) is { } result
        ? new HealthLook(result.Status.ToState(), result.Message)
        : null;
}
