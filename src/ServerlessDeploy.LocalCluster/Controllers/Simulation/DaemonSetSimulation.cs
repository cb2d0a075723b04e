using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The DaemonSet controller on a cluster of one simulated node: its one pod is replaced by a new generation and is ready
/// again after the delay. A pod of a "fail…" image never becomes ready.
/// </summary>
internal sealed class DaemonSetSimulation : ISimulatedKind
{
    private const long Nodes = 1;

    public string GroupResource => "daemonsets.apps";

    public bool Wants(JsonObject obj) => Workloads.NewGeneration(obj);

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing) =>
        PodTemplates.FailsToRun(PodTemplates.Of(obj)) ? [StatusStep.Now(Started)] : StatusStep.Rollout(timing.Delay, Started, Finished);

    /// <summary>The pod is scheduled on every node, of the new template, and not ready yet.</summary>
    public static JsonObject Started(JsonObject daemonSet, DateTimeOffset now) => Write(daemonSet, ready: 0);

    public static JsonObject Finished(JsonObject daemonSet, DateTimeOffset now) => Write(daemonSet, ready: Nodes);

    private static JsonObject Write(JsonObject daemonSet, long ready)
    {
        var status = Workloads.StatusOf(daemonSet);
        Workloads.SetCount(status, "observedGeneration", Workloads.Generation(daemonSet));
        Workloads.SetCount(status, "desiredNumberScheduled", Nodes, always: true);
        Workloads.SetCount(status, "currentNumberScheduled", Nodes, always: true);
        Workloads.SetCount(status, "numberMisscheduled", 0, always: true);
        Workloads.SetCount(status, "numberReady", ready, always: true);
        Workloads.SetCount(status, "updatedNumberScheduled", ready);
        Workloads.SetCount(status, "numberAvailable", ready);
        Workloads.SetCount(status, "numberUnavailable", Nodes - ready);
        return status;
    }
}
