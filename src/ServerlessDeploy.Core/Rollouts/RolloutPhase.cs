using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>What working out a Rollout's phase came to.</summary>
internal abstract record RolloutPhaseOutcome
{
    private RolloutPhaseOutcome()
    {
    }

    /// <summary>The phase (<c>Healthy</c>, <c>Progressing</c>, <c>Paused</c>, <c>Degraded</c>) and Argo's message for it.</summary>
    public sealed record Determined(string Phase, string Message) : RolloutPhaseOutcome;

    /// <summary>We do not work out this Rollout's phase (a blue-green Rollout, or a field Go could not decode).</summary>
    public sealed record Refused(string Reason) : RolloutPhaseOutcome;
}

/// <summary>
/// A canary Rollout's <c>status.phase</c> and <c>status.message</c>, as Argo Rollouts works them out
/// (utils/rollout/rolloututil.go): <see cref="Calculate"/> is CalculateRolloutPhase, which the controller writes into
/// the status; <see cref="Get"/> is GetRolloutPhase, which readers use — it first asks whether the controller has
/// caught up with the spec, then trusts the phase the controller wrote. Blue-green Rollouts are refused for now.
/// </summary>
internal static class RolloutPhase
{
    public const string Healthy = "Healthy";
    public const string Progressing = "Progressing";
    public const string Paused = "Paused";
    public const string Degraded = "Degraded";

    private const string WorkloadGenerationAnnotation = "rollout.argoproj.io/workload-generation";

    /// <summary>GetRolloutPhase: the phase as a reader of the Rollout should see it.</summary>
    public static RolloutPhaseOutcome Get(JsonObject rollout)
    {
        if (Refusal(rollout) is { } refused)
        {
            return refused;
        }

        var status = rollout["status"] as JsonObject ?? [];
        if (!GenerationObserved(rollout, status))
        {
            return new RolloutPhaseOutcome.Determined(Progressing, "waiting for rollout spec update to be observed");
        }

        if (Bool(status["controllerPause"]) && Count(status["pauseConditions"]) == 0)
        {
            return new RolloutPhaseOutcome.Determined(Progressing, "waiting for rollout to unpause");
        }

        if (Bool(rollout["spec"]?["templateResolvedFromRef"]) && !WorkloadGenerationObserved(rollout, status))
        {
            return new RolloutPhaseOutcome.Determined(Progressing, "waiting for rollout spec update to be observed for the reference workload");
        }

        return Text(status["phase"]) is { Length: > 0 } phase
            ? new RolloutPhaseOutcome.Determined(phase, Text(status["message"]) ?? "")
            : Calculate(rollout);
    }

    /// <summary>CalculateRolloutPhase: the phase from spec and status alone, as the controller writes it.</summary>
    public static RolloutPhaseOutcome Calculate(JsonObject rollout)
    {
        if (Refusal(rollout) is { } refused)
        {
            return refused;
        }

        var spec = rollout["spec"] as JsonObject ?? [];
        var status = rollout["status"] as JsonObject ?? [];
        foreach (var condition in (status["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var reason = Text(condition["reason"]) ?? "";
            var message = Text(condition["message"]) ?? "";
            if (Text(condition["type"]) == "InvalidSpec")
            {
                return Phase(Degraded, $"InvalidSpec: {message}");
            }

            if (reason is "RolloutAborted" or "ProgressDeadlineExceeded")
            {
                return Phase(Degraded, $"{reason}: {message}");
            }
        }

        if (Bool(spec["paused"]))
        {
            return Phase(Paused, "manually paused");
        }

        if ((status["pauseConditions"] as JsonArray)?.FirstOrDefault() is { } pause)
        {
            return Phase(Paused, Text(pause["reason"]) ?? "");
        }

        if (Time(spec["restartAt"]) is { } restartAt)
        {
            if (restartAt.Value is not { } requested || Time(status["restartedAt"]) is { Value: null })
            {
                return new RolloutPhaseOutcome.Refused("restartAt or restartedAt is not an RFC 3339 time");
            }

            if (Time(status["restartedAt"])?.Value is not { } restarted || restarted != requested)
            {
                return Phase(Progressing, "rollout is restarting");
            }
        }

        var updated = Integer(status["updatedReplicas"]);
        if (updated < (spec["replicas"] is { } replicas ? Integer(replicas) : 1))
        {
            return Phase(Progressing, "more replicas need to be updated");
        }

        if (Integer(status["availableReplicas"]) < updated)
        {
            return Phase(Progressing, "updated replicas are still becoming available");
        }

        if (spec["strategy"]?["canary"] is JsonObject canary)
        {
            // Only a basic canary waits for old pods: blue-green and traffic-routed canaries keep them on purpose (scaleDownDelay).
            if (canary["trafficRouting"] is null && Integer(status["replicas"]) > updated)
            {
                return Phase(Progressing, "old replicas are pending termination");
            }

            var stable = Text(status["stableRS"]) ?? "";
            if (stable.Length == 0 || stable != (Text(status["currentPodHash"]) ?? ""))
            {
                return Phase(Progressing, "waiting for all steps to complete");
            }
        }

        return Phase(Healthy, "");
    }

    private static RolloutPhaseOutcome.Determined Phase(string phase, string message) => new(phase, message);

    private static RolloutPhaseOutcome.Refused? Refusal(JsonObject rollout) =>
        rollout["spec"]?["strategy"]?["blueGreen"] is not null
            ? new RolloutPhaseOutcome.Refused("the blue-green strategy's phase is not worked out yet")
            : null;

    /// <summary>status.observedGeneration is a string; one that is not a number (a v0.9 hash) counts as observed, as does one ahead.</summary>
    private static bool GenerationObserved(JsonObject rollout, JsonObject status)
    {
        if (!long.TryParse(Text(status["observedGeneration"]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var observed))
        {
            return true;
        }

        return observed >= Integer(rollout["metadata"]?["generation"]);
    }

    private static bool WorkloadGenerationObserved(JsonObject rollout, JsonObject status)
    {
        if (!int.TryParse(Text(rollout["metadata"]?["annotations"]?[WorkloadGenerationAnnotation]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var workload)
            || !int.TryParse(Text(status["workloadObservedGeneration"]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var observed))
        {
            return true;
        }

        return observed == workload;
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static bool Bool(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    /// <summary>A whole number however the node was made (TryGetValue&lt;long&gt; fails on a node built from an int).</summary>
    private static long Integer(JsonNode? node) => RolloutJson.Long(node) ?? 0;

    private static int Count(JsonNode? node) => node is JsonArray array ? array.Count : 0;

    /// <summary>A time field: null when absent, else its instant (null Value when it does not parse).</summary>
    private static ParsedTime? Time(JsonNode? node) =>
        node is null ? null
        : Text(node) is { } text && GoTime.TryParse(text, out var time) ? new ParsedTime(time)
        : new ParsedTime(null);

    private sealed record ParsedTime(DateTimeOffset? Value);
}
