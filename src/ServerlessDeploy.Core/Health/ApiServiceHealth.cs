using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>apiregistration.k8s.io/APIService: Healthy once its Available condition is True.</summary>
internal static class ApiServiceHealth
{
    public static HealthResult Assess(V1APIService service)
    {
        if (service.Status?.Conditions?.FirstOrDefault(c => c.Type == "Available") is not { } available)
        {
            return HealthResult.Progressing("Waiting to be processed");
        }

        var message = $"{available.Reason}: {available.Message}";
        return available.Status == "True" ? HealthResult.Healthy(message) : HealthResult.Progressing(message);
    }
}
