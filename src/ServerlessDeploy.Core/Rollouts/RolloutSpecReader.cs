using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Reads a Rollout manifest at load, before anything is applied, and checks it as Argo Rollouts' validation does: the
/// first problem comes back as one error naming its field (Argo's message where it has one), and fields not supported
/// yet are refused by name ("spec.strategy.canary.trafficRouting is not supported yet"), never ignored.
/// </summary>
internal static class RolloutSpecReader
{
    private const string MissingStrategy = "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'";

    public static RolloutRead Read(JsonObject rollout)
    {
        if (rollout["spec"] is not JsonObject spec)
        {
            return RolloutRead.Invalid(new("spec", "Required value"));
        }

        // Every field is read (so each has its value), and the first problem in field order is the one reported.
        RolloutFieldError?[] problems =
        [
            RolloutFields.Check(spec, "spec", RolloutFields.Spec, RolloutFields.SpecNotYet),
            RolloutValues.Integer(spec["replicas"], "spec.replicas", RolloutSpec.DefaultReplicas, 0, out var replicas),
            RolloutValues.Integer(spec["minReadySeconds"], "spec.minReadySeconds", 0, 0, out var minReadySeconds),
            RolloutValues.Integer(spec["revisionHistoryLimit"], "spec.revisionHistoryLimit", RolloutSpec.DefaultRevisionHistoryLimit, 0, out var historyLimit),
            RolloutValues.Integer(spec["progressDeadlineSeconds"], "spec.progressDeadlineSeconds", RolloutSpec.DefaultProgressDeadlineSeconds, 0, out var deadline),
            RolloutValues.Boolean(spec["progressDeadlineAbort"], "spec.progressDeadlineAbort", out var deadlineAbort),
            RolloutValues.Boolean(spec["paused"], "spec.paused", out var paused),
            RestartAt(spec["restartAt"], out var restartAt),
            PodTemplateCheck.Read(spec, out var selector, out var template),
        ];
        var error = problems.FirstOrDefault(problem => problem is not null)
            ?? (deadline <= minReadySeconds ? RolloutFieldError.Invalid("spec.progressDeadlineSeconds", RolloutValues.Text(deadline), "must be greater than minReadySeconds") : null);
        if (error is not null)
        {
            return RolloutRead.Invalid(error);
        }

        if (Canary(spec) is not { } canaryNode)
        {
            return RolloutRead.Invalid(StrategyError(spec));
        }

        return CanaryStrategyReader.TryRead(canaryNode, out var canary, out var canaryError)
            ? RolloutRead.Valid(new RolloutSpec(replicas, selector, template, minReadySeconds, historyLimit, deadline, deadlineAbort, paused, restartAt, canary))
            : RolloutRead.Invalid(canaryError);
    }

    private static JsonObject? Canary(JsonObject spec) =>
        spec["strategy"] is JsonObject strategy && strategy.Count == 1 && strategy["canary"] is JsonObject canary ? canary : null;

    /// <summary>Why spec.strategy names no canary we can drive, in Argo's words where it has them.</summary>
    private static RolloutFieldError StrategyError(JsonObject spec)
    {
        if (spec["strategy"] is not JsonObject strategy)
        {
            return new("spec.strategy", $"Required value: {MissingStrategy}");
        }

        if (strategy.ContainsKey("canary") && strategy.ContainsKey("blueGreen"))
        {
            return RolloutFieldError.Invalid("spec.strategy", "blueGreen: true canary: true", "Multiple Strategies can not be listed");
        }

        if (strategy.ContainsKey("blueGreen"))
        {
            return RolloutFieldError.NotSupportedYet("spec.strategy.blueGreen");
        }

        if (strategy.FirstOrDefault(pair => pair.Key != "canary") is { Key: { } other })
        {
            return RolloutFieldError.Unknown($"spec.strategy.{other}");
        }

        return strategy["canary"] is { } canary
            ? RolloutFieldError.Invalid("spec.strategy.canary", canary.ToJsonString(), "must be an object")
            : new("spec.strategy", $"Required value: {MissingStrategy}");
    }

    /// <summary>spec.restartAt is a metav1.Time: an RFC 3339 string, or null for none.</summary>
    private static RolloutFieldError? RestartAt(JsonNode? node, out DateTimeOffset? restartAt)
    {
        restartAt = null;
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && GoTime.TryParse(text, out var parsed))
        {
            restartAt = parsed;
            return null;
        }

        return RolloutFieldError.Invalid("spec.restartAt", node.ToJsonString(), "must be an RFC 3339 time");
    }
}
