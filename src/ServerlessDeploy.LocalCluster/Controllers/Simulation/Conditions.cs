using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>Status conditions as the Kubernetes controllers keep them.</summary>
internal static class Conditions
{
    /// <summary>The time fields of a Deployment's conditions.</summary>
    public static readonly string[] UpdateAndTransition = ["lastUpdateTime", "lastTransitionTime"];

    /// <summary>The time fields of a Job's conditions.</summary>
    public static readonly string[] ProbeAndTransition = ["lastProbeTime", "lastTransitionTime"];

    public static JsonObject? Find(JsonObject status, string type) =>
        (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.String("type") == type);

    /// <summary>
    /// Sets a condition: left alone when status, reason and message are the same; otherwise replaced and moved last,
    /// keeping its lastTransitionTime while its status stays the same (SetDeploymentCondition does the same).
    /// </summary>
    public static void Set(JsonObject status, string type, string value, string reason, string message, DateTimeOffset now, string[] timeFields)
    {
        var existing = Find(status, type);
        if (existing is not null && existing.String("status") == value && existing.String("reason") == reason && existing.String("message") == message)
        {
            return;
        }

        var stamp = ObjectFields.Timestamp(now);
        var condition = new JsonObject { ["type"] = type, ["status"] = value };
        foreach (var field in timeFields)
        {
            var kept = field == "lastTransitionTime" && existing?.String("status") == value ? existing.String(field) : null;
            condition[field] = kept ?? stamp;
        }

        condition["reason"] = reason;
        condition["message"] = message;
        var others = (status["conditions"] as JsonArray)?.OfType<JsonObject>().Where(c => c.String("type") != type).Select(c => (JsonNode)c.DeepClone()) ?? [];
        status["conditions"] = new JsonArray([.. others, condition]);
    }
}
