using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>The health of one live object by Argo CD's built-in rules.</summary>
public static class HealthAssessment
{
    /// <summary>The finalizer Argo CD puts on hooks; a hook being deleted is still assessed by its kind's rule.</summary>
    public const string HookFinalizer = "argocd.argoproj.io/hook-finalizer";

    /// <summary>
    /// The health of <paramref name="live"/>, or null when its kind has no health of its own. An object being deleted is
    /// Progressing ("Pending deletion"), whatever its kind, unless it holds the hook finalizer; one that does not convert
    /// to its type is Unknown.
    /// </summary>
    public static HealthResult? Of(JsonObject live)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (live["metadata"] is JsonObject metadata && metadata["deletionTimestamp"] is not null && !HasHookFinalizer(metadata))
        {
            return HealthResult.Progressing("Pending deletion");
        }

        var (group, _, kind) = GroupVersionKind.Of(live);
        return HealthRules.For(group, kind)?.Invoke(live);
    }

    private static bool HasHookFinalizer(JsonObject metadata) =>
        metadata["finalizers"] is JsonArray finalizers && finalizers.Any(f => GroupVersionKind.Text(f) == HookFinalizer);
}
