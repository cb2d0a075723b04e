using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/Deployment: kubectl's rollout status, as Argo CD reads it.</summary>
internal static class DeploymentHealth
{
    public static HealthResult Assess(V1Deployment deployment)
    {
        var spec = deployment.Spec;
        var status = deployment.Status ?? new V1DeploymentStatus();
        var updated = status.UpdatedReplicas ?? 0;
        var current = status.Replicas ?? 0;
        var available = status.AvailableReplicas ?? 0;

        if (spec?.Paused == true)
        {
            return HealthResult.Suspended("Deployment is paused");
        }

        if ((deployment.Metadata?.Generation ?? 0) > (status.ObservedGeneration ?? 0))
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed deployment generation less than desired generation");
        }

        if (ProgressCondition(status)?.Reason == "ProgressDeadlineExceeded")
        {
            return HealthResult.Degraded($"Deployment \"{deployment.Metadata?.Name}\" exceeded its progress deadline");
        }

        if (spec?.Replicas is { } desired && updated < desired)
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

    private static V1DeploymentCondition? ProgressCondition(V1DeploymentStatus status) =>
        status.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
}
