using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/DaemonSet: every scheduled node runs an updated, available pod.</summary>
internal static class DaemonSetHealth
{
    public static HealthResult Assess(V1DaemonSet daemonSet)
    {
        var name = daemonSet.Metadata?.Name;
        var status = daemonSet.Status ?? new V1DaemonSetStatus();
        var desired = status.DesiredNumberScheduled;
        var updated = status.UpdatedNumberScheduled ?? 0;
        var available = status.NumberAvailable ?? 0;

        if ((daemonSet.Metadata?.Generation ?? 0) > (status.ObservedGeneration ?? 0))
        {
            return HealthResult.Progressing("Waiting for rollout to finish: observed daemon set generation less than desired generation");
        }

        if (daemonSet.Spec?.UpdateStrategy?.Type == "OnDelete")
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
