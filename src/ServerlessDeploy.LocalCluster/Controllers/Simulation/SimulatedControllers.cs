using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>The registry of simulated controllers: one status rule per kind, and the volume provisioner.</summary>
internal static class SimulatedControllers
{
    public static IReadOnlyList<ISimulatedKind> Kinds { get; } =
    [
        new DeploymentSimulation(),
        new StatefulSetSimulation(),
        new DaemonSetSimulation(),
        new ReplicaSetSimulation(),
        new JobSimulation(),
        new LoadBalancerSimulation(),
        new IngressSimulation(),
        new ClaimSimulation(),
    ];

    /// <summary>The simulated controllers of one server; none when the options turn the simulation off.</summary>
    public static IReadOnlyList<IController> Create(ClusterState cluster, ResourceVerbs verbs, LocalClusterOptions options, TextWriter log) =>
        options.SimulateControllers
            ? [new StatusSimulator(cluster, SimulationTiming.From(options), log, Kinds), new VolumeProvisioner(cluster, verbs.Create, verbs.Delete)]
            : [];
}
