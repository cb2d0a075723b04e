using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The Job controller: a Job starts when it is created (or resumed), its pods run for the delay, and it completes with
/// spec.completions succeeded pods. Pods of a "fail…" image fail until the backoff limit is passed, and the Job fails.
/// </summary>
internal sealed class JobSimulation : ISimulatedKind
{
    private const long DefaultBackoffLimit = 6;
    private const string BackoffMessage = "Job has reached the specified backoff limit";
    private const string CompletionsMessage = "Reached expected number of succeeded pods";

    public string GroupResource => "jobs.batch";

    /// <summary>A Job that has not started, is not suspended and has not finished (a Job's status has no observedGeneration).</summary>
    public bool Wants(JsonObject obj)
    {
        var status = obj["status"] as JsonObject ?? [];
        return status["startTime"] is null && !Workloads.Flag(obj["spec"]?["suspend"]) && !Finished(status);
    }

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing) =>
        StatusStep.Rollout(timing.Delay, Running, PodTemplates.FailsToRun(PodTemplates.Of(obj)) ? Failed : Complete);

    public static JsonObject Running(JsonObject job, DateTimeOffset now)
    {
        var status = Started(job, now);
        Workloads.SetCount(status, "active", Parallelism(job));
        return status;
    }

    public static JsonObject Complete(JsonObject job, DateTimeOffset now)
    {
        var status = Started(job, now);
        status.Remove("active");
        status["completionTime"] = ObjectFields.Timestamp(now);
        Workloads.SetCount(status, "succeeded", ObjectFields.Long(job["spec"]?["completions"]) ?? Parallelism(job));
        Conditions.Set(status, "SuccessCriteriaMet", "True", "CompletionsReached", CompletionsMessage, now, Conditions.ProbeAndTransition);
        Conditions.Set(status, "Complete", "True", "CompletionsReached", CompletionsMessage, now, Conditions.ProbeAndTransition);
        return status;
    }

    public static JsonObject Failed(JsonObject job, DateTimeOffset now)
    {
        var status = Started(job, now);
        status.Remove("active");
        Workloads.SetCount(status, "failed", (ObjectFields.Long(job["spec"]?["backoffLimit"]) ?? DefaultBackoffLimit) + 1);
        Conditions.Set(status, "FailureTarget", "True", "BackoffLimitExceeded", BackoffMessage, now, Conditions.ProbeAndTransition);
        Conditions.Set(status, "Failed", "True", "BackoffLimitExceeded", BackoffMessage, now, Conditions.ProbeAndTransition);
        return status;
    }

    private static bool Finished(JsonObject status) =>
        Conditions.Find(status, "Complete")?.String("status") == "True" || Conditions.Find(status, "Failed")?.String("status") == "True";

    private static JsonObject Started(JsonObject job, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(job);
        status["startTime"] ??= ObjectFields.Timestamp(now);
        status["ready"] = 0;
        status["terminating"] = 0;
        status["uncountedTerminatedPods"] ??= new JsonObject();
        return status;
    }

    /// <summary>How many pods run at once: spec.parallelism (default 1), at most spec.completions.</summary>
    private static long Parallelism(JsonObject job)
    {
        var parallelism = ObjectFields.Long(job["spec"]?["parallelism"]) ?? 1;
        return ObjectFields.Long(job["spec"]?["completions"]) is { } completions ? Math.Min(parallelism, completions) : parallelism;
    }
}
