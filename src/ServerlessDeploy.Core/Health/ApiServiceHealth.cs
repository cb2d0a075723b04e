using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>apiregistration.k8s.io/APIService: Healthy once its Available condition is True.</summary>
internal static class ApiServiceHealth
{
    public static HealthResult Assess(JsonObject service)
    {
        if (LiveFields.Objects(service["status"]?["conditions"]).FirstOrDefault(c => LiveFields.String(c["type"]) == "Available") is not { } available)
        {
            return HealthResult.Progressing("Waiting to be processed");
        }

        var message = $"{LiveFields.String(available["reason"])}: {LiveFields.String(available["message"])}";
        return LiveFields.String(available["status"]) == "True" ? HealthResult.Healthy(message) : HealthResult.Progressing(message);
    }
}
