using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/Deployment: kubectl's rollout status, as Argo CD reads it.</summary>
internal static class DeploymentHealth
{
    public static HealthResult Assess(JsonObject deployment)
    {
        var spec = deployment["spec"] as JsonObject;
        var status = deployment["status"] as JsonObject;
        var metadata = deployment["metadata"] as JsonObject;
        var updated = LiveFields.Int(status?["updatedReplicas"]) ?? 0;
        var current = LiveFields.Int(status?["replicas"]) ?? 0;
        var available = LiveFields.Int(status?["availableReplicas"]) ?? 0;

        if (LiveFields.IsTrue(spec?["paused"]))
        {
            return HealthResult.Suspended("Deployment is paused");
        }

        if ((LiveFields.Long(metadata?["generation"]) ?? 0) > (LiveFields.Long(status?["observedGeneration"]) ?? 0))
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed deployment generation less than desired generation");
        }

        if (LiveFields.String(ProgressCondition(status)?["reason"]) == "ProgressDeadlineExceeded")
        {
            return HealthResult.Degraded($"Deployment \"{LiveFields.String(metadata?["name"])}\" exceeded its progress deadline");
        }

        if (LiveFields.Int(spec?["replicas"]) is { } desired && updated < desired)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {updated} out of {desired} new replicas have been updated...");
        }

        if (current > updated)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {current - updated} old replicas are pending termination...");
        }

        if (available < updated)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {available} of {updated} updated replicas are available...");
        }

        return HealthResult.Healthy();
    }

    private static JsonObject? ProgressCondition(JsonNode? status) =>
        LiveFields.Objects(status?["conditions"]).FirstOrDefault(c => LiveFields.String(c["type"]) == "Progressing");
}
