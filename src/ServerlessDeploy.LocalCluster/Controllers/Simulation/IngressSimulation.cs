using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>An ingress controller: every Ingress gets the load balancer's address after the delay.</summary>
internal sealed class IngressSimulation : ISimulatedKind
{
    public string GroupResource => "ingresses.networking.k8s.io";

    public bool Wants(JsonObject obj) => !LoadBalancerSimulation.HasAddress(obj);

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing) => [new(timing.Delay, Addressed)];

    public static JsonObject Addressed(JsonObject ingress, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(ingress);
        status["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = LoadBalancerSimulation.Address }) };
        return status;
    }
}
