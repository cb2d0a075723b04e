using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>core/Service: a LoadBalancer is Progressing until it has an address; other types are Healthy. No message, as gitops-engine.</summary>
internal static class ServiceHealth
{
    public static HealthResult Assess(JsonObject service) =>
        LiveFields.String(service["spec"]?["type"]) == "LoadBalancer" && service["status"]?["loadBalancer"]?["ingress"] is not JsonArray { Count: > 0 }
            ? HealthResult.Progressing("")
            : HealthResult.Healthy();
}
