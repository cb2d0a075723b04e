using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>A live object's health by the engine's rules (one per kind), in the state's codes; null for a kind without health.</summary>
public static class LiveHealth
{
    public static HealthLook? Of(JsonObject live) => HealthAssessment.Of(live) is { } result
        ? new HealthLook(Code(result.Status), result.Message)
        : null;

    private static HealthCode Code(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => HealthCode.Healthy,
        HealthStatus.Suspended => HealthCode.Suspended,
        HealthStatus.Progressing => HealthCode.Progressing,
        HealthStatus.Missing => HealthCode.Missing,
        HealthStatus.Degraded => HealthCode.Degraded,
        _ => HealthCode.Unknown,
    };
}
