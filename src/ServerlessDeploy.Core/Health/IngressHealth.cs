using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>networking.k8s.io/Ingress (and extensions/Ingress): Progressing until the controller publishes an address.</summary>
internal static class IngressHealth
{
    public static HealthResult Assess(V1Ingress ingress)
    {
        if (ingress.Status?.LoadBalancer?.Ingress is not { Count: > 0 })
        {
            return HealthResult.Progressing("Waiting for the ingress controller to assign an address");
        }

        return HealthResult.Healthy();
    }
}
