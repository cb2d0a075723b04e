using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Which fields of a Rollout we drive, which valid Argo Rollouts fields are not supported yet (refused by name, never
/// ignored), and which are accepted because Argo Rollouts itself does nothing with them without a traffic router
/// (abortScaleDownDelaySeconds, minPodsPerReplicaSet). Any other field is unknown, as a strict apply would say.
/// </summary>
internal static class RolloutFields
{
    public static readonly FrozenSet<string> Spec = Set(
        "replicas", "selector", "template", "minReadySeconds", "strategy", "revisionHistoryLimit", "paused",
        "progressDeadlineSeconds", "progressDeadlineAbort", "restartAt");

    public static readonly FrozenSet<string> SpecNotYet = Set("workloadRef", "rollbackWindow", "analysis");

    public static readonly FrozenSet<string> Canary = Set(
        "canaryService", "stableService", "steps", "maxSurge", "maxUnavailable", "abortScaleDownDelaySeconds", "minPodsPerReplicaSet",
        "scaleDownDelaySeconds", "dynamicStableScale");

    public static readonly FrozenSet<string> CanaryNotYet = Set(
        "trafficRouting", "analysis", "antiAffinity", "canaryMetadata", "stableMetadata", "scaleDownDelayRevisionLimit", "pingPong",
        "replicaProgressThreshold");

    public static readonly FrozenSet<string> Steps = Set("setWeight", "pause");

    public static readonly FrozenSet<string> StepsNotYet = Set("experiment", "analysis", "setCanaryScale", "setHeaderRoute", "setMirrorRoute", "plugin");

    /// <summary>The first field of <paramref name="node"/> that is not supported yet or unknown, as an error; null if none.</summary>
    public static RolloutFieldError? Check(JsonObject node, string path, FrozenSet<string> supported, FrozenSet<string> notYet)
    {
        foreach (var (name, _) in node)
        {
            if (notYet.Contains(name))
            {
                return RolloutFieldError.NotSupportedYet($"{path}.{name}");
            }

            if (!supported.Contains(name))
            {
                return RolloutFieldError.Unknown($"{path}.{name}");
            }
        }

        return null;
    }

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
