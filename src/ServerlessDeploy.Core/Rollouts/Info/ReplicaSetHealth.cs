using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>A ReplicaSet's status in the plugin's tree (info/replicaset_info.go, getReplicaSetHealth).</summary>
internal static class ReplicaSetHealth
{
    public static string Of(JsonObject rs)
    {
        var (spec, status) = (rs["spec"], rs["status"]);
        var desired = RolloutJson.Int(spec?["replicas"]);
        if ((RolloutJson.Long(rs["metadata"]?["generation"]) ?? 0) > (RolloutJson.Long(status?["observedGeneration"]) ?? 0))
        {
            return "Progressing";
        }

        if ((status?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => RolloutJson.Text(c["type"]) == RolloutConditions.ReplicaFailure && RolloutJson.Text(c["status"]) == "True"))
        {
            return RolloutConditions.ReplicaFailure;
        }

        if (desired is { } wanted && (RolloutJson.Int(status?["availableReplicas"]) ?? 0) < wanted)
        {
            return "Progressing";
        }

        return desired == 0 ? "ScaledDown" : "Healthy";
    }
}
