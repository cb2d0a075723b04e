using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Reads one scalar field of a Rollout: a missing field takes its default; a value of the wrong type, or out of range,
/// is an error naming the field, in the words Kubernetes' validation uses.
/// </summary>
internal static class RolloutValues
{
    public static RolloutFieldError? Integer(JsonNode? node, string field, int fallback, int minimum, out int value)
    {
        value = fallback;
        if (node is null)
        {
            return null;
        }

        if (RolloutJson.Int(node) is not { } whole)
        {
            return RolloutFieldError.Invalid(field, node.ToJsonString(), "must be an integer");
        }

        value = whole;

        return value < minimum
            ? RolloutFieldError.Invalid(field, Text(value), minimum == 0 ? "must be greater than or equal to 0" : $"must be greater than or equal to {Text(minimum)}")
            : null;
    }

    public static RolloutFieldError? Boolean(JsonNode? node, string field, out bool value)
    {
        value = false;
        if (node is null)
        {
            return null;
        }

        return node is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False && flag.TryGetValue(out value)
            ? null
            : RolloutFieldError.Invalid(field, node.ToJsonString(), "must be a boolean");
    }

    public static RolloutFieldError? Name(JsonNode? node, string field, out string? value)
    {
        value = null;
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
        {
            return RolloutFieldError.Invalid(field, node.ToJsonString(), "must be a string");
        }

        value = text.GetValue<string>();
        value = value.Length == 0 ? null : value;
        return null;
    }

    /// <summary>maxSurge/maxUnavailable: a non-negative integer or a percentage such as "25%".</summary>
    public static RolloutFieldError? Replicas(JsonNode? node, string field, IntOrPercent fallback, out IntOrPercent value)
    {
        value = fallback;
        switch (node)
        {
            case null:
                return null;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                var error = Integer(node, field, 0, 0, out var count);
                value = IntOrPercent.Of(count);
                return error;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String
                && text.GetValue<string>() is [.. var digits, '%']
                && digits.Length > 0 && digits.All(char.IsAsciiDigit)
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var percent):
                value = IntOrPercent.Of($"{percent}%");
                return null;
            default:
                return RolloutFieldError.Invalid(field, node.ToJsonString(), "must be an integer or percentage (e.g '5%')");
        }
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
