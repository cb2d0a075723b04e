using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// networking.k8s.io/Ingress and extensions/Ingress, any version: Healthy once status.loadBalancer.ingress lists an
/// address, else Progressing; no message, as gitops-engine.
/// </summary>
internal static class IngressHealth
{
    public static HealthResult Assess(JsonObject live) =>
        live["status"]?["loadBalancer"]?["ingress"] is JsonArray { Count: > 0 } ? HealthResult.Healthy() : new(HealthStatus.Progressing, "");
}
