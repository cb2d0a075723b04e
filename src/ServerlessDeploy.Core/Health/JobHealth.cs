using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>batch/Job: Failed is Degraded, Complete is Healthy, a suspended job is Suspended, else Progressing.</summary>
internal static class JobHealth
{
    public static HealthResult Assess(V1Job job)
    {
        var conditions = job.Status?.Conditions ?? [];

        if (Find(conditions, "Failed") is { } failed)
        {
            return HealthResult.Degraded(failed.Message ?? "");
        }

        if (Find(conditions, "Complete") is { } complete)
        {
            return HealthResult.Healthy(complete.Message ?? "");
        }

        if (Find(conditions, "Suspended") is { } suspended)
        {
            return HealthResult.Suspended(string.IsNullOrEmpty(suspended.Message) ? "Job suspended" : suspended.Message);
        }

        if (job.Spec?.Suspend == true)
        {
            return HealthResult.Suspended("Job suspended");
        }

        return HealthResult.Progressing(Running(job.Status));
    }

    private static V1JobCondition? Find(IList<V1JobCondition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type && c.Status == "True");

    private static string Running(V1JobStatus? status) =>
        $"Job is running: {status?.Active ?? 0} active, {status?.Succeeded ?? 0} succeeded, {status?.Failed ?? 0} failed";
}
