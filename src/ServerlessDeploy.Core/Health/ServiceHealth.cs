using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>core/Service: a LoadBalancer is Progressing until the cloud assigns it an address; other types are Healthy.</summary>
internal static class ServiceHealth
{
    public static HealthResult Assess(V1Service service)
    {
        if (service.Spec?.Type != "LoadBalancer")
        {
            return HealthResult.Healthy();
        }

        if (service.Status?.LoadBalancer?.Ingress is not { Count: > 0 })
        {
            return HealthResult.Progressing("Waiting for the load balancer to be assigned an address");
        }

        return HealthResult.Healthy();
    }
}
