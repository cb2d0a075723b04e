using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// argoproj.io/Rollout as Argo CD assesses it (resource_customizations/argoproj.io/Rollout/health.lua), so an app
/// whose Rollouts we drive shows the health Argo CD would show: a spec the rollout machinery has not observed yet is
/// Progressing; from Argo Rollouts v1.0 on, status.phase and status.message are surfaced as they are (Paused is
/// Suspended; a phase that is no health code is Unknown with the message Argo CD's script runner gives); older statuses are read from their conditions, pause marks and replica counts.
/// </summary>
internal static class RolloutHealth
{
    private const string Unobserved = "Waiting for rollout spec update to be observed";

    public static HealthResult Assess(JsonObject live)
    {
        var status = live["status"] as JsonObject;
        if (status is null || !GenerationObserved(live, status) || !WorkloadGenerationObserved(live, status))
        {
            return HealthResult.Progressing(Unobserved);
        }

        if (status["phase"] is { } phase)
        {
            var message = GroupVersionKind.Text(status["message"]);
            return GroupVersionKind.Text(phase) switch
            {
                "Paused" => HealthResult.Suspended(message),
                "Healthy" => HealthResult.Healthy(message),
                "Progressing" => HealthResult.Progressing(message),
                "Degraded" => HealthResult.Degraded(message),
                "Suspended" => HealthResult.Suspended(message),
                "Missing" => new HealthResult(HealthStatus.Missing, message),
                "Unknown" => HealthResult.Unknown(message),
                _ => HealthResult.Unknown("Lua returned an invalid health status"),
            };
        }

        return FromConditions(status) ?? Paused(live, status) ?? FromReplicas(live, status);
    }

    /// <summary>
    /// observedGeneration is numeric from v0.10 on; a legacy hash (not a number, or a number larger than the
    /// generation) counts as observed, as the script treats it.
    /// </summary>
    private static bool GenerationObserved(JsonObject live, JsonObject status)
    {
        var observed = Number(status["observedGeneration"]);
        var generation = Number(live["metadata"]?["generation"]);
        return observed is null || observed > generation || observed == generation;
    }

    /// <summary>A Rollout with a workloadRef has also observed its workload's generation (v1.1).</summary>
    private static bool WorkloadGenerationObserved(JsonObject live, JsonObject status) =>
        live["spec"]?["workloadRef"] is null || live["metadata"]?["annotations"] is not JsonObject annotations
        || Number(annotations["rollout.argoproj.io/workload-generation"]) == Number(status["workloadObservedGeneration"]);

    private static HealthResult? FromConditions(JsonObject status)
    {
        foreach (var condition in (status["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var (type, reason) = (GroupVersionKind.Text(condition["type"]), GroupVersionKind.Text(condition["reason"]));
            if (type == "InvalidSpec" || (type == "Progressing" && reason is "RolloutAborted" or "ProgressDeadlineExceeded"))
            {
                return HealthResult.Degraded(GroupVersionKind.Text(condition["message"]));
            }
        }

        return null;
    }

    private static HealthResult? Paused(JsonObject live, JsonObject status) =>
        status["pauseConditions"] is JsonArray { Count: > 0 } || live["spec"]?["paused"] is JsonValue paused && paused.TryGetValue<bool>(out var isPaused) && isPaused
            ? HealthResult.Suspended("Rollout is paused")
            : null;

    private static HealthResult FromReplicas(JsonObject live, JsonObject status)
    {
        if (status["currentPodHash"] is null)
        {
            return HealthResult.Progressing("Waiting for rollout to finish: status has not been reconciled.");
        }

        var desired = Number(live["spec"]?["replicas"]) ?? 1;
        var (replicas, updated, available) = (Number(status["replicas"]) ?? 0, Number(status["updatedReplicas"]) ?? 0, Number(status["availableReplicas"]) ?? 0);
        if (updated < desired)
        {
            return HealthResult.Progressing("Waiting for roll out to finish: More replicas need to be updated");
        }

        if (available < updated)
        {
            return HealthResult.Progressing("Waiting for roll out to finish: updated replicas are still becoming available");
        }

        var stable = GroupVersionKind.Text(status["stableRS"] ?? status["canary"]?["stableRS"]);
        var current = GroupVersionKind.Text(status["currentPodHash"]);
        var strategy = live["spec"]?["strategy"];
        if (strategy?["blueGreen"] is not null)
        {
            if (GroupVersionKind.Text(status["blueGreen"]?["activeSelector"]) != current)
            {
                return HealthResult.Progressing("active service cutover pending");
            }

            if (stable != "" && stable != current)
            {
                return HealthResult.Progressing("waiting for analysis to complete");
            }
        }
        else if (strategy?["canary"] is not null)
        {
            if (replicas > updated)
            {
                return HealthResult.Progressing("Waiting for roll out to finish: old replicas are pending termination");
            }

            if (stable == "" || stable != current)
            {
                return HealthResult.Progressing("Waiting for rollout to finish steps");
            }
        }

        return HealthResult.Healthy();
    }

    /// <summary>A number, or a text that reads as one (Lua's tonumber); null otherwise.</summary>
    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        JsonValue value when value.TryGetValue<long>(out var integer) => integer,
        JsonValue value when value.TryGetValue<string>(out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
