using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>The health of one live object by Argo CD's built-in rules.</summary>
public static class HealthAssessment
{
    /// <summary>
    /// The health of <paramref name="live"/>, or null when its kind has no health of its own. An object being deleted is
    /// Progressing ("Pending deletion"), whatever its kind; one that does not convert to its type is Unknown.
    /// </summary>
    public static HealthResult? Of(JsonObject live)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (live["metadata"] is JsonObject metadata && metadata["deletionTimestamp"] is not null)
        {
            return HealthResult.Progressing("Pending deletion");
        }

        var rule = HealthRules.For(Group(Text(live["apiVersion"])), Text(live["kind"]));
        return rule?.Invoke(live);
    }

    private static string Group(string apiVersion) =>
        apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
