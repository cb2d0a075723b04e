using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/ReplicaSet: Degraded on a ReplicaFailure condition, else Progressing until all replicas are available.</summary>
internal static class ReplicaSetHealth
{
    public static HealthResult Assess(JsonObject replicaSet)
    {
        var status = replicaSet["status"] as JsonObject;
        var available = LiveFields.Int(status?["availableReplicas"]) ?? 0;

        if ((LiveFields.Long(replicaSet["metadata"]?["generation"]) ?? 0) > (LiveFields.Long(status?["observedGeneration"]) ?? 0))
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed replica set generation less than desired generation");
        }

        if (LiveFields.Objects(status?["conditions"]).FirstOrDefault(c => LiveFields.String(c["type"]) == "ReplicaFailure") is { } failure
            && LiveFields.String(failure["status"]) == "True")
        {
            return HealthResult.Degraded(LiveFields.String(failure["message"]) ?? "");
        }

        if (LiveFields.Int(replicaSet["spec"]?["replicas"]) is { } desired && available < desired)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {available} out of {desired} new replicas are available...");
        }

        return HealthResult.Healthy();
    }
}
