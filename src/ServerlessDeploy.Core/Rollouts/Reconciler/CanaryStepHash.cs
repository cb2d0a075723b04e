using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// status.currentStepHash as conditions.ComputeStepHash computes it: FNV-1a 32 of Go's JSON for
/// spec.strategy.canary.steps, safe-encoded like the pod-template hash. A change of it restarts the steps.
/// Only setWeight and pause steps are written (the only ones a basic canary accepts here).
/// </summary>
internal static class CanaryStepHash
{
    public static string Compute(JsonObject rollout) =>
        PodTemplateHash.Of(GoJson(rollout["spec"]?["strategy"]?["canary"]?["steps"]), collisionCount: null);

    /// <summary>Go's json.Marshal of []CanaryStep: nil is <c>null</c>; fields in struct order, empty ones left out.</summary>
    public static string GoJson(JsonNode? steps)
    {
        if (steps is not JsonArray array)
        {
            return "null";
        }

        var output = new StringBuilder("[");
        foreach (var step in array)
        {
            if (output.Length > 1)
            {
                output.Append(',');
            }

            output.Append('{');
            var first = true;
            if (RolloutJson.Int(step?["setWeight"]) is { } weight)
            {
                output.Append("\"setWeight\":").Append(weight.ToString(CultureInfo.InvariantCulture));
                first = false;
            }

            if (step?["pause"] is JsonObject pause)
            {
                output.Append(first ? "" : ",").Append("\"pause\":{");
                switch (pause["duration"])
                {
                    case JsonValue number when number.GetValueKind() == JsonValueKind.Number && RolloutJson.Int(number) is { } seconds:
                        output.Append("\"duration\":").Append(seconds.ToString(CultureInfo.InvariantCulture));
                        break;
                    case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                        output.Append("\"duration\":");
                        GoJsonString.Write(output, text.GetValue<string>());
                        break;
                }

                output.Append('}');
            }

            output.Append('}');
        }

        return output.Append(']').ToString();
    }
}
