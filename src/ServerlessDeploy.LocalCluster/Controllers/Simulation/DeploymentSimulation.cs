using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The deployment controller: a new generation starts a rollout (new pods not ready yet, the previous template's pods
/// still serving), which finishes after the delay with every replica updated and available. Pods of a "fail…" image
/// never become available, and the rollout reports ProgressDeadlineExceeded after its deadline. A paused Deployment
/// only records that it saw the generation.
/// </summary>
internal sealed class DeploymentSimulation : ISimulatedKind
{
    private const int DefaultProgressDeadlineSeconds = 600;

    public string GroupResource => "deployments.apps";

    public bool Wants(JsonObject obj) => Workloads.NewGeneration(obj);

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing)
    {
        if (Workloads.Flag(obj["spec"]?["paused"]))
        {
            return [StatusStep.Now(Paused)];
        }

        if (!PodTemplates.FailsToRun(PodTemplates.Of(obj)))
        {
            return StatusStep.Rollout(timing.Delay, Started, Finished);
        }

        var deadline = timing.FailureDeadline ?? TimeSpan.FromSeconds(ObjectFields.Long(obj["spec"]?["progressDeadlineSeconds"]) ?? DefaultProgressDeadlineSeconds);
        return deadline > SimulationTiming.Longest ? [StatusStep.Now(Started)] : [StatusStep.Now(Started), new(deadline, TimedOut)];
    }

    /// <summary>The new ReplicaSet exists and is scaled up; its pods are not ready, the old ones still serve.</summary>
    public static JsonObject Started(JsonObject deployment, DateTimeOffset now)
    {
        var previous = Workloads.StatusOf(deployment);
        var desired = Workloads.DesiredReplicas(deployment);
        var sameTemplate = RolledOut(deployment, previous);
        var old = sameTemplate
            ? Math.Max(0, Workloads.Count(previous, "replicas") - Workloads.Count(previous, "updatedReplicas"))
            : Workloads.Count(previous, "availableReplicas");
        var available = sameTemplate && !PodTemplates.FailsToRun(PodTemplates.Of(deployment))
            ? Math.Min(Workloads.Count(previous, "availableReplicas"), desired + old)
            : old;
        var status = Counts(deployment, previous, replicas: desired + old, updated: desired, available: available, now);
        Conditions.Set(status, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{ReplicaSetName(deployment)}\" is progressing.", now, Conditions.UpdateAndTransition);
        return status;
    }

    /// <summary>Every replica runs the new template and is available.</summary>
    public static JsonObject Finished(JsonObject deployment, DateTimeOffset now)
    {
        var desired = Workloads.DesiredReplicas(deployment);
        var status = Counts(deployment, Workloads.StatusOf(deployment), replicas: desired, updated: desired, available: desired, now);
        Conditions.Set(status, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{ReplicaSetName(deployment)}\" has successfully progressed.", now, Conditions.UpdateAndTransition);
        return status;
    }

    /// <summary>The rollout made no progress before its deadline; the counts stay as they are.</summary>
    public static JsonObject TimedOut(JsonObject deployment, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(deployment);
        Conditions.Set(status, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{ReplicaSetName(deployment)}\" has timed out progressing.", now, Conditions.UpdateAndTransition);
        return status;
    }

    /// <summary>No rollout: the pods that run keep running; a template changed while paused has no pods.</summary>
    public static JsonObject Paused(JsonObject deployment, DateTimeOffset now)
    {
        var previous = Workloads.StatusOf(deployment);
        var updated = RolledOut(deployment, previous) ? Workloads.Count(previous, "updatedReplicas") : 0;
        var status = Counts(deployment, previous, Workloads.Count(previous, "replicas"), updated, Workloads.Count(previous, "availableReplicas"), now);
        if (Conditions.Find(status, "Progressing")?.String("reason") != "ProgressDeadlineExceeded")
        {
            Conditions.Set(status, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now, Conditions.UpdateAndTransition);
        }

        return status;
    }

    /// <summary>The name the controller gives the ReplicaSet of the current template.</summary>
    public static string ReplicaSetName(JsonObject deployment) => $"{deployment.Name()}-{PodTemplates.Hash(PodTemplates.Of(deployment))}";

    /// <summary>
    /// Whether the ReplicaSet of the current template is the one the status last reported on: the controller names it in
    /// its Progressing message, and a different name means a new template.
    /// </summary>
    private static bool RolledOut(JsonObject deployment, JsonObject status) =>
        Conditions.Find(status, "Progressing")?.String("message")?.Contains($"\"{ReplicaSetName(deployment)}\"", StringComparison.Ordinal) == true;

    private static JsonObject Counts(JsonObject deployment, JsonObject status, long replicas, long updated, long available, DateTimeOffset now)
    {
        var desired = Workloads.DesiredReplicas(deployment);
        Workloads.SetCount(status, "observedGeneration", Workloads.Generation(deployment));
        Workloads.SetCount(status, "replicas", replicas);
        Workloads.SetCount(status, "updatedReplicas", updated);
        Workloads.SetCount(status, "readyReplicas", available);
        Workloads.SetCount(status, "availableReplicas", available);
        Workloads.SetCount(status, "unavailableReplicas", Math.Max(0, desired - available));
        var minimum = available >= desired - MaxUnavailable(deployment, desired);
        Conditions.Set(
            status,
            "Available",
            minimum ? "True" : "False",
            minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            minimum ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
            now,
            Conditions.UpdateAndTransition);
        return status;
    }

    /// <summary>strategy.rollingUpdate.maxUnavailable resolved against the replicas (25% rounded down by default; 0 for Recreate).</summary>
    private static long MaxUnavailable(JsonObject deployment, long desired)
    {
        var strategy = deployment["spec"]?["strategy"];
        if (strategy?["type"]?.ToString() == "Recreate" || desired == 0)
        {
            return 0;
        }

        var value = strategy?["rollingUpdate"]?["maxUnavailable"];
        var resolved = ObjectFields.Long(value) ?? (value?.ToString() is { } text && text.EndsWith('%') && long.TryParse(text[..^1], out var percent)
            ? desired * percent / 100
            : desired / 4);
        return Math.Min(resolved, desired);
    }
}
