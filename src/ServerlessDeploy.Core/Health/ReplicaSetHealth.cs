using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/ReplicaSet: Degraded on a ReplicaFailure condition, else Progressing until all replicas are available.</summary>
internal static class ReplicaSetHealth
{
    public static HealthResult Assess(V1ReplicaSet replicaSet)
    {
        var status = replicaSet.Status ?? new V1ReplicaSetStatus();
        var available = status.AvailableReplicas ?? 0;

        if ((replicaSet.Metadata?.Generation ?? 0) > (status.ObservedGeneration ?? 0))
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed replica set generation less than desired generation");
        }

        if (status.Conditions?.FirstOrDefault(c => c.Type == "ReplicaFailure") is { Status: "True" } failure)
        {
            return HealthResult.Degraded(failure.Message ?? "");
        }

        if (replicaSet.Spec?.Replicas is { } desired && available < desired)
        {
            return HealthResult.Progressing($"Waiting for rollout to finish: {available} out of {desired} new replicas are available...");
        }

        return HealthResult.Healthy();
    }
}
