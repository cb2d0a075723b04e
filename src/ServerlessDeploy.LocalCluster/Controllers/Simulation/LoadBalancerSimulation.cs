using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The cloud provider's service controller: a Service of type LoadBalancer gets an ingress address after the delay,
/// and loses it when it stops being one.
/// </summary>
internal sealed class LoadBalancerSimulation : ISimulatedKind
{
    public const string Address = "127.0.0.1";

    public string GroupResource => "services";

    public bool Wants(JsonObject obj) => IsLoadBalancer(obj) != HasAddress(obj);

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing) =>
        [new(IsLoadBalancer(obj) ? timing.Delay : TimeSpan.Zero, Provisioned)];

    public static JsonObject Provisioned(JsonObject service, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(service);
        status["loadBalancer"] = IsLoadBalancer(service)
            ? new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = Address, ["ipMode"] = "VIP" }) }
            : new JsonObject();
        return status;
    }

    /// <summary>True when the object's status.loadBalancer lists an ingress point (Services and Ingresses alike).</summary>
    public static bool HasAddress(JsonObject obj) => obj["status"]?["loadBalancer"]?["ingress"] is JsonArray { Count: > 0 };

    private static bool IsLoadBalancer(JsonObject service) => (service["spec"] as JsonObject)?.String("type") == "LoadBalancer";
}
