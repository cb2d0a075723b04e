using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/DaemonSet: every scheduled node runs an updated, available pod.</summary>
internal static class DaemonSetHealth
{
    public static HealthResult Assess(JsonObject daemonSet)
    {
        var metadata = daemonSet["metadata"] as JsonObject;
        var name = LiveFields.String(metadata?["name"]);
        var status = daemonSet["status"] as JsonObject;
        var desired = LiveFields.Int(status?["desiredNumberScheduled"]) ?? 0;
        var updated = LiveFields.Int(status?["updatedNumberScheduled"]) ?? 0;
        var available = LiveFields.Int(status?["numberAvailable"]) ?? 0;

        if ((LiveFields.Long(metadata?["generation"]) ?? 0) > (LiveFields.Long(status?["observedGeneration"]) ?? 0))
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed daemon set generation less than desired generation");
        }

        if (LiveFields.String(daemonSet["spec"]?["updateStrategy"]?["type"]) == "OnDelete")
        {
            return HealthResult.Healthy($"daemon set {updated} out of {desired} new pods have been updated");
        }

        if (updated < desired)
        {
            return HealthResult.Progressing(
                $"Waiting for daemon set \"{name}\" rollout to finish: {updated} out of {desired} new pods have been updated...");
        }

        if (available < desired)
        {
            return HealthResult.Progressing(
                $"Waiting for daemon set \"{name}\" rollout to finish: {available} of {desired} updated pods are available...");
        }

        return HealthResult.Healthy();
    }
}
