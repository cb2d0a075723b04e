using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Whether a metav1.LabelSelector (matchLabels and matchExpressions with In, NotIn, Exists, DoesNotExist) selects a set
/// of labels, as Kubernetes checks that a workload's selector matches its own pod template.
/// </summary>
internal static class LabelSelectorMatch
{
    /// <summary>True or false when the selector can be read; null when it is empty or an operator is unknown.</summary>
    public static bool? Selects(JsonObject selector, JsonObject? labels)
    {
        var matchLabels = selector["matchLabels"] as JsonObject ?? [];
        var expressions = (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (matchLabels.Count + expressions.Count == 0)
        {
            return null;
        }

        var labelOf = (string key) => labels?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var result = matchLabels.All(pair => labelOf(pair.Key) == pair.Value?.ToString());
        foreach (var expression in expressions)
        {
            var label = labelOf(expression["key"]?.ToString() ?? "");
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()).ToHashSet();
            bool? matches = expression["operator"]?.ToString() switch
            {
                "In" => label is not null && values.Contains(label),
                "NotIn" => label is null || !values.Contains(label),
                "Exists" => label is not null,
                "DoesNotExist" => label is null,
                _ => null,
            };
            if (matches is null)
            {
                return null;
            }

            result &= matches.Value;
        }

        return result;
    }
}
