using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// batch/CronJob as Argo CD 3.2 and later assess it (resource_customizations/batch/CronJob/health.lua): suspended or
/// never scheduled is Healthy; scheduled but never succeeded, or running a job now, is Healthy with a caution (its
/// last run is not known to have failed); a last success older than the last schedule is Degraded; else Healthy.
/// Without a status it is Progressing. Timestamps compare as text, as the script compares them.
/// </summary>
internal static class CronJobHealth
{
    public static HealthResult Assess(JsonObject live)
    {
        if (live["spec"]?["suspend"] is JsonValue suspend && suspend.TryGetValue<bool>(out var suspended) && suspended)
        {
            return HealthResult.Healthy("CronJob is Suspended");
        }

        if (live["status"] is not JsonObject status)
        {
            return HealthResult.Progressing("Waiting for CronJob");
        }

        if (status["lastScheduleTime"] is null)
        {
            return HealthResult.Healthy("CronJob has not been scheduled yet");
        }

        var (scheduled, succeeded) = (GroupVersionKind.Text(status["lastScheduleTime"]), status["lastSuccessfulTime"]);
        if (succeeded is null)
        {
            return HealthResult.Healthy("The CronJob never completed successfully. It may not be healthy");
        }

        if (status["active"] is JsonArray { Count: > 0 })
        {
            return HealthResult.Healthy("The job is running. Its last execution may not have been successful");
        }

        return string.CompareOrdinal(GroupVersionKind.Text(succeeded), scheduled) < 0
            ? HealthResult.Degraded("CronJob has not completed its last execution successfully")
            : HealthResult.Healthy("CronJob has completed its last execution successfully");
    }
}
