using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The StatefulSet controller: a new template gets a new update revision; its pods are replaced, and after the delay all
/// replicas are ready at that revision, which becomes the current one. Pods of a "fail…" image never become ready.
/// </summary>
internal sealed class StatefulSetSimulation : ISimulatedKind
{
    public string GroupResource => "statefulsets.apps";

    public bool Wants(JsonObject obj) => Workloads.NewGeneration(obj);

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing) =>
        PodTemplates.FailsToRun(PodTemplates.Of(obj)) ? [StatusStep.Now(Started)] : StatusStep.Rollout(timing.Delay, Started, Finished);

    /// <summary>The update revision is set; one pod is being replaced, the others still run the current revision.</summary>
    public static JsonObject Started(JsonObject statefulSet, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(statefulSet);
        var desired = Workloads.DesiredReplicas(statefulSet);
        var revision = Revision(statefulSet);
        var sameRevision = status.String("updateRevision") == revision;
        var running = Math.Min(Workloads.Count(status, "readyReplicas"), desired);
        var ready = sameRevision && !PodTemplates.FailsToRun(PodTemplates.Of(statefulSet)) ? running : Math.Max(0, running - 1);
        status["currentRevision"] = status.String("currentRevision") ?? revision;
        status["updateRevision"] = revision;
        Write(statefulSet, status, desired, ready, current: sameRevision ? Workloads.Count(status, "currentReplicas") : ready, updated: sameRevision ? ready : 0);
        return status;
    }

    /// <summary>Every replica is ready at the new revision, which is now the current one.</summary>
    public static JsonObject Finished(JsonObject statefulSet, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(statefulSet);
        var desired = Workloads.DesiredReplicas(statefulSet);
        var revision = Revision(statefulSet);
        status["currentRevision"] = revision;
        status["updateRevision"] = revision;
        Write(statefulSet, status, desired, ready: desired, current: desired, updated: desired);
        return status;
    }

    /// <summary>The name of the ControllerRevision of the current template.</summary>
    public static string Revision(JsonObject statefulSet) => $"{statefulSet.Name()}-{PodTemplates.Hash(PodTemplates.Of(statefulSet))}";

    private static void Write(JsonObject statefulSet, JsonObject status, long replicas, long ready, long current, long updated)
    {
        Workloads.SetCount(status, "observedGeneration", Workloads.Generation(statefulSet));
        Workloads.SetCount(status, "replicas", replicas, always: true);
        Workloads.SetCount(status, "readyReplicas", ready);
        Workloads.SetCount(status, "availableReplicas", ready, always: true);
        Workloads.SetCount(status, "currentReplicas", current);
        Workloads.SetCount(status, "updatedReplicas", updated);
        Workloads.SetCount(status, "collisionCount", 0, always: true);
    }
}
