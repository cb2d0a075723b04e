using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// What the controller of one kind would write: it wants work when it sees a spec it has not acted on, and plans the
/// status writes that act on it. Pure: the simulator does the scheduling and the writing.
/// </summary>
internal interface ISimulatedKind
{
    /// <summary>The resource this rule is for, as the store names it (deployments.apps).</summary>
    string GroupResource { get; }

    /// <summary>True when the object shows a change its controller has not acted on yet (never true of its own status writes).</summary>
    bool Wants(JsonObject obj);

    /// <summary>The status writes that act on the change, in order of their delays.</summary>
    IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing);
}
