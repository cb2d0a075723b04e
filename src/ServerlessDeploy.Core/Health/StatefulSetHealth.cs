using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>apps/StatefulSet: kubectl's rollout status, including partitioned and OnDelete updates.</summary>
internal static class StatefulSetHealth
{
    public static HealthResult Assess(JsonObject statefulSet)
    {
        var spec = statefulSet["spec"] as JsonObject;
        var status = statefulSet["status"] as JsonObject;
        var observed = LiveFields.Long(status?["observedGeneration"]) ?? 0;
        var ready = LiveFields.Int(status?["readyReplicas"]) ?? 0;
        var updated = LiveFields.Int(status?["updatedReplicas"]) ?? 0;
        var strategy = spec?["updateStrategy"];
        var strategyType = LiveFields.String(strategy?["type"]);
        var (updateRevision, currentRevision) = (LiveFields.String(status?["updateRevision"]), LiveFields.String(status?["currentRevision"]));

        if (observed == 0 || (LiveFields.Long(statefulSet["metadata"]?["generation"]) ?? 0) > observed)
        {
            return HealthResult.Progressing("Waiting for statefulset spec update to be observed...");
        }

        if (LiveFields.Int(spec?["replicas"]) is { } desired && ready < desired)
        {
            return HealthResult.Progressing($"Waiting for {desired - ready} pods to be ready...");
        }

        if (strategyType == "RollingUpdate" && strategy?["rollingUpdate"] is JsonObject rolling)
        {
            if (LiveFields.Int(spec?["replicas"]) is { } replicas && LiveFields.Int(rolling["partition"]) is { } partition && updated < replicas - partition)
            {
                return HealthResult.Progressing(
                    $"Waiting for partitioned roll out to finish: {updated} out of {replicas - partition} new pods have been updated...");
            }

            return HealthResult.Healthy($"partitioned roll out complete: {updated} new pods have been updated...");
        }

        if (strategyType == "OnDelete")
        {
            return HealthResult.Healthy($"statefulset has {ready} ready pods");
        }

        if (updateRevision != currentRevision)
        {
            return HealthResult.Progressing(
                $"waiting for statefulset rolling update to complete {updated} pods at revision {updateRevision}...");
        }

        return HealthResult.Healthy(
            $"statefulset rolling update complete {LiveFields.Int(status?["currentReplicas"]) ?? 0} pods at revision {currentRevision}...");
    }
}
