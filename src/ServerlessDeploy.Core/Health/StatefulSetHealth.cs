using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/StatefulSet: kubectl's rollout status, including partitioned and OnDelete updates.</summary>
internal static class StatefulSetHealth
{
    public static HealthResult Assess(V1StatefulSet statefulSet)
    {
        var spec = statefulSet.Spec;
        var status = statefulSet.Status ?? new V1StatefulSetStatus();
        var observed = status.ObservedGeneration ?? 0;
        var ready = status.ReadyReplicas ?? 0;
        var updated = status.UpdatedReplicas ?? 0;
        var strategy = spec?.UpdateStrategy;

        if (observed == 0 || (statefulSet.Metadata?.Generation ?? 0) > observed)
        {
            return HealthResult.Progressing("Waiting for statefulset spec update to be observed...");
        }

        if (spec?.Replicas is { } desired && ready < desired)
        {
            return HealthResult.Progressing($"Waiting for {desired - ready} pods to be ready...");
        }

        if (strategy?.Type == "RollingUpdate" && strategy.RollingUpdate is { } rolling)
        {
            if (spec?.Replicas is { } replicas && rolling.Partition is { } partition && updated < replicas - partition)
            {
                return HealthResult.Progressing(
                    $"Waiting for partitioned roll out to finish: {updated} out of {replicas - partition} new pods have been updated...");
            }

            return HealthResult.Healthy($"partitioned roll out complete: {updated} new pods have been updated...");
        }

        if (strategy?.Type == "OnDelete")
        {
            return HealthResult.Healthy($"statefulset has {ready} ready pods");
        }

        if (status.UpdateRevision != status.CurrentRevision)
        {
            return HealthResult.Progressing(
                $"waiting for statefulset rolling update to complete {updated} pods at revision {status.UpdateRevision}...");
        }

        return HealthResult.Healthy(
            $"statefulset rolling update complete {status.CurrentReplicas ?? 0} pods at revision {status.CurrentRevision}...");
    }
}
