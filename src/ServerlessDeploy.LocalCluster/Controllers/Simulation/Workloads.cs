using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>Reads and writes of the fields every workload controller uses: generations, replica counts, the status.</summary>
internal static class Workloads
{
    public static long Generation(JsonObject obj) => ObjectFields.Long(obj["metadata"]?["generation"]) ?? 0;

    /// <summary>The generation is newer than the status says the controller has seen: the spec changed.</summary>
    public static bool NewGeneration(JsonObject obj) => Generation(obj) > Count(obj["status"], "observedGeneration");

    /// <summary>spec.replicas, 1 when unset (as kube-apiserver defaults it).</summary>
    public static long DesiredReplicas(JsonObject obj) => ObjectFields.Long(obj["spec"]?["replicas"]) ?? 1;

    public static long Count(JsonNode? status, string field) => ObjectFields.Long(status?[field]) ?? 0;

    /// <summary>A copy of the status to edit, or an empty one.</summary>
    public static JsonObject StatusOf(JsonObject obj) => obj["status"]?.DeepClone() as JsonObject ?? [];

    /// <summary>Sets a count; one that is zero is left out unless <paramref name="always"/>, as Go's omitempty does.</summary>
    public static void SetCount(JsonObject status, string field, long value, bool always = false)
    {
        if (value != 0 || always)
        {
            status[field] = value;
        }
        else
        {
            status.Remove(field);
        }
    }

    public static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var on) && on;
}
