using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>core/Service: a LoadBalancer is Progressing until it has an address; other types are Healthy. No message, as gitops-engine.</summary>
internal static class ServiceHealth
{
    public static HealthResult Assess(V1Service service) =>
        service.Spec?.Type == "LoadBalancer" && service.Status?.LoadBalancer?.Ingress is not { Count: > 0 }
            ? HealthResult.Progressing("")
            : HealthResult.Healthy();
}
