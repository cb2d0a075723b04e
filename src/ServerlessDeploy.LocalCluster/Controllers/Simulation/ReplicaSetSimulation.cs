using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The ReplicaSet controller: pods are created for the replicas asked for and are ready after the delay; the ones
/// already ready stay so. Pods of a "fail…" image never become ready.
/// </summary>
internal sealed class ReplicaSetSimulation : ISimulatedKind
{
    public string GroupResource => "replicasets.apps";

    public bool Wants(JsonObject obj) => Workloads.NewGeneration(obj);

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing) =>
        PodTemplates.FailsToRun(PodTemplates.Of(obj)) ? [StatusStep.Now(Started)] : StatusStep.Rollout(timing.Delay, Started, Finished);

    public static JsonObject Started(JsonObject replicaSet, DateTimeOffset now)
    {
        var desired = Workloads.DesiredReplicas(replicaSet);
        var ready = PodTemplates.FailsToRun(PodTemplates.Of(replicaSet)) ? 0 : Math.Min(Workloads.Count(replicaSet["status"], "readyReplicas"), desired);
        return Write(replicaSet, desired, ready);
    }

    public static JsonObject Finished(JsonObject replicaSet, DateTimeOffset now)
    {
        var desired = Workloads.DesiredReplicas(replicaSet);
        return Write(replicaSet, desired, desired);
    }

    private static JsonObject Write(JsonObject replicaSet, long replicas, long ready)
    {
        var status = Workloads.StatusOf(replicaSet);
        Workloads.SetCount(status, "observedGeneration", Workloads.Generation(replicaSet));
        Workloads.SetCount(status, "replicas", replicas, always: true);
        Workloads.SetCount(status, "fullyLabeledReplicas", replicas);
        Workloads.SetCount(status, "readyReplicas", ready);
        Workloads.SetCount(status, "availableReplicas", ready);
        return status;
    }
}
