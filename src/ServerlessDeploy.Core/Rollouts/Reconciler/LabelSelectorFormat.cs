using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// status.selector as metav1.FormatLabelSelector writes spec.selector: requirements sorted by key, "k=v", "k in (a,b)",
/// "k notin (a)", "k", "!k"; an empty selector is "&lt;none&gt;".
/// </summary>
internal static class LabelSelectorFormat
{
    public static string Format(JsonObject selector)
    {
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in RolloutJson.Map(selector["matchLabels"]))
        {
            requirements.Add((key, $"{key}={value}"));
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = RolloutJson.Text(expression["key"]);
            var values = (expression["values"] as JsonArray ?? []).Select(RolloutJson.Text).Order(StringComparer.Ordinal);
            var text = RolloutJson.Text(expression["operator"]) switch
            {
                "In" => $"{key} in ({string.Join(',', values)})",
                "NotIn" => $"{key} notin ({string.Join(',', values)})",
                "Exists" => key,
                "DoesNotExist" => $"!{key}",
                _ => null,
            };
            if (text is null)
            {
                return "<error>";
            }

            requirements.Add((key, text));
        }

        var formatted = string.Join(',', requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
        return formatted.Length == 0 ? "<none>" : formatted;
    }
}
