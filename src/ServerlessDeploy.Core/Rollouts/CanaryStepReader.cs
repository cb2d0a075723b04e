using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// One canary step: exactly one of setWeight (0–100, Argo's "SetWeight needs to be between 0 and 100") or pause (its
/// duration as <see cref="PauseDuration"/> reads it). Argo's other step kinds are refused by name until they are built.
/// </summary>
internal static class CanaryStepReader
{
    private const string InvalidStep = "Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause";

    public static bool TryRead(JsonNode? node, string path, [NotNullWhen(true)] out CanaryStep? step, [NotNullWhen(false)] out RolloutFieldError? error)
    {
        error = Read(node, path, out step);
        error ??= step is null ? RolloutFieldError.Invalid(path, node?.ToJsonString() ?? "null", InvalidStep) : null;
        return error is null;
    }

    private static RolloutFieldError? Read(JsonNode? node, string path, out CanaryStep? step)
    {
        step = null;
        if (node is not JsonObject fields || fields.Count == 0)
        {
            return RolloutFieldError.Invalid(path, node?.ToJsonString() ?? "null", InvalidStep);
        }

        if (RolloutFields.Check(fields, path, RolloutFields.Steps, RolloutFields.StepsNotYet) is { } unsupported)
        {
            return unsupported.Problem == RolloutFieldProblem.Unknown ? RolloutFieldError.Invalid(path, fields.ToJsonString(), InvalidStep) : unsupported;
        }

        if (fields.Count > 1)
        {
            return RolloutFieldError.Invalid(path, fields.ToJsonString(), InvalidStep);
        }

        return fields.ContainsKey("setWeight") ? Weight(fields["setWeight"], $"{path}.setWeight", out step) : Pause(fields["pause"], $"{path}.pause", out step);
    }

    private static RolloutFieldError? Weight(JsonNode? node, string field, out CanaryStep? step)
    {
        step = null;
        if (RolloutValues.Integer(node, field, 0, int.MinValue, out var weight) is { } error)
        {
            return error;
        }

        if (weight is < 0 or > 100)
        {
            return RolloutFieldError.Invalid(field, RolloutValues.Text(weight), "SetWeight needs to be between 0 and 100");
        }

        step = new SetWeightStep(weight);
        return null;
    }

    private static RolloutFieldError? Pause(JsonNode? node, string field, out CanaryStep? step)
    {
        step = null;
        if (node is not (null or JsonObject))
        {
            return RolloutFieldError.Invalid(field, node.ToJsonString(), "must be an object");
        }

        if (node is JsonObject pause && pause.Any(pair => pair.Key != "duration"))
        {
            return RolloutFieldError.Unknown($"{field}.{pause.First(pair => pair.Key != "duration").Key}");
        }

        if (node?["duration"] is not { } duration)
        {
            step = new PauseStep(null);
            return null;
        }

        var seconds = PauseDuration.Seconds(duration);
        if (seconds < 0)
        {
            return RolloutFieldError.Invalid($"{field}.duration", RolloutValues.Text(seconds), PauseDuration.Invalid);
        }

        step = new PauseStep(TimeSpan.FromSeconds(seconds));
        return null;
    }
}
