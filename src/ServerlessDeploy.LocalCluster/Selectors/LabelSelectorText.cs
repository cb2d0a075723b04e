using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Selectors;

/// <summary>
/// A metav1.LabelSelector (matchLabels and matchExpressions) written as the string list calls take, as
/// LabelSelectorAsSelector(...).String() writes it: clauses sorted by key, set values sorted, "" for no selector.
/// </summary>
internal static class LabelSelectorText
{
    public static string Of(JsonNode? selector)
    {
        var labels = ObjectFields.StringMap(selector?["matchLabels"]).Select(p => (p.Key, Text: $"{p.Key}={p.Value}"));
        var expressions = (selector?["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().Select(Expression);
        return string.Join(",", labels.Concat(expressions).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Text));
    }

    private static (string Key, string Text) Expression(JsonObject expression)
    {
        var key = expression.String("key") ?? "";
        var values = string.Join(",", (expression["values"] as JsonArray ?? []).Select(v => v?.ToString() ?? "").Order(StringComparer.Ordinal));
        var text = expression.String("operator") switch
        {
            "In" => $"{key} in ({values})",
            "NotIn" => $"{key} notin ({values})",
            "Exists" => key,
            "DoesNotExist" => "!" + key,
            var other => throw Errors.BadRequest($"\"{other}\" is not a valid label selector operator"),
        };
        return (key, text);
    }
}
