using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>A ReplicaSet as the canary arithmetic sees it: its name, desired replicas (spec) and available replicas (status).</summary>
internal sealed record CanaryReplicaSet(string Name, int SpecReplicas, int AvailableReplicas);

/// <summary>
/// What a basic canary (no traffic router) needs of its Rollout: spec.replicas, the canary strategy's maxSurge,
/// maxUnavailable and steps (each step's setWeight, null for other steps), and status.currentStepIndex, abort,
/// promoteFull, stableRS and currentPodHash.
/// </summary>
internal sealed record BasicCanaryRollout(
    int? Replicas,
    IntOrPercent? MaxSurge,
    IntOrPercent? MaxUnavailable,
    IReadOnlyList<int?> StepWeights,
    int? CurrentStepIndex,
    bool Abort,
    bool PromoteFull,
    string StableRS,
    string CurrentPodHash)
{
    /// <summary>Reads these fields from a Rollout object; null when it is not a canary, or its canary has a traffic router.</summary>
    public static BasicCanaryRollout? From(JsonObject rollout)
    {
        if (rollout["spec"]?["strategy"]?["canary"] is not JsonObject canary || canary["trafficRouting"] is not null)
        {
            return null;
        }

        var status = rollout["status"];
        return new BasicCanaryRollout(
            RolloutJson.Int(rollout["spec"]?["replicas"]),
            IntOrPercent.From(canary["maxSurge"]),
            IntOrPercent.From(canary["maxUnavailable"]),
            (canary["steps"] as JsonArray ?? []).Select(step => RolloutJson.Int(step?["setWeight"])).ToArray(),
            RolloutJson.Int(status?["currentStepIndex"]),
            status?["abort"]?.GetValueKind() == JsonValueKind.True,
            status?["promoteFull"]?.GetValueKind() == JsonValueKind.True,
            RolloutJson.Text(status?["stableRS"]),
            RolloutJson.Text(status?["currentPodHash"]));
    }
}

/// <summary>What the basic canary arithmetic came to.</summary>
internal abstract record BasicCanaryOutcome
{
    private BasicCanaryOutcome()
    {
    }

    /// <summary>The replicas to set on the canary (new) and stable ReplicaSets.</summary>
    public sealed record Counts(int Canary, int Stable) : BasicCanaryOutcome;

    /// <summary>Argo's validation rejects this Rollout, so its controller would scale nothing; the message is Argo's.</summary>
    public sealed record Invalid(string Message) : BasicCanaryOutcome;
}

/// <summary>
/// How a basic canary — one without a traffic router, where the weight is only the share of pods — maps the current
/// setWeight to canary and stable ReplicaSet sizes, as Argo Rollouts' CalculateReplicaCountsForBasicCanary does:
/// the closest replica split to the weight (surging by one when maxSurge allows and it is closer), scaling up no
/// further than spec.replicas + maxSurge, scaling down no further than spec.replicas − maxUnavailable of available pods,
/// and older ReplicaSets drained before the canary or stable shrink.
/// </summary>
internal static class BasicCanaryReplicas
{
    public const string BothZeroMessage = "MaxSurge and MaxUnavailable both can not be zero";

    private const int MaxWeight = 100;

    private static readonly IntOrPercent DefaultSurgeOrUnavailable = IntOrPercent.Of("25");

    /// <summary>
    /// The replica counts for a Rollout that Argo's validation accepts: maxSurge and maxUnavailable both written as zero
    /// (<c>0</c> or <c>0%</c>) make the Rollout invalid, and Argo's controller scales nothing for it.
    /// </summary>
    public static BasicCanaryOutcome Calculate(
        BasicCanaryRollout rollout, CanaryReplicaSet? newRS, CanaryReplicaSet? stableRS, IReadOnlyList<CanaryReplicaSet?> oldRSs)
    {
        var surgeSetting = rollout.MaxSurge ?? DefaultSurgeOrUnavailable;
        var unavailableSetting = rollout.MaxUnavailable ?? DefaultSurgeOrUnavailable;
        return surgeSetting.LiteralValue() == 0 && unavailableSetting.LiteralValue() == 0
            ? new BasicCanaryOutcome.Invalid(BothZeroMessage)
            : CalculateUnvalidated(rollout, newRS, stableRS, oldRSs);
    }

    /// <summary>
    /// The arithmetic alone, as CalculateReplicaCountsForBasicCanary does it without validation: when maxSurge and
    /// maxUnavailable both resolve to zero (by rounding, or as written), one pod may be unavailable.
    /// </summary>
    public static BasicCanaryOutcome CalculateUnvalidated(
        BasicCanaryRollout rollout, CanaryReplicaSet? newRS, CanaryReplicaSet? stableRS, IReadOnlyList<CanaryReplicaSet?> oldRSs)
    {
        var surgeSetting = rollout.MaxSurge ?? DefaultSurgeOrUnavailable;
        var unavailableSetting = rollout.MaxUnavailable ?? DefaultSurgeOrUnavailable;
        var specReplicas = rollout.Replicas ?? 1;
        if (Fenceposts(surgeSetting, unavailableSetting, specReplicas) is not var (maxSurge, unavailable))
        {
            return new BasicCanaryOutcome.Invalid($"invalid maxSurge '{surgeSetting.Text}' or maxUnavailable '{unavailableSetting.Text}'");
        }

        var maxUnavailable = specReplicas == 0 ? 0 : Math.Min(unavailable, specReplicas);
        var (canary, stable) = Counts(rollout, specReplicas, maxSurge, maxUnavailable, newRS, stableRS, oldRSs);
        return new BasicCanaryOutcome.Counts(canary, stable);
    }

    /// <summary>
    /// The canary/stable split closest to <paramref name="desiredWeight"/> out of <paramref name="maxWeight"/>, over
    /// spec replicas or (when surge is allowed) one more; a 1–99 weight never rounds the canary to zero unless it must.
    /// </summary>
    public static (int Canary, int Stable) ApproximateWeightedCounts(int specReplicas, int desiredWeight, int maxWeight, int maxSurge)
    {
        if (specReplicas == 0)
        {
            return (0, 0);
        }

        var ceil = (int)Math.Ceiling((double)(specReplicas * desiredWeight) / maxWeight);
        var floor = (int)Math.Floor((double)(specReplicas * desiredWeight) / maxWeight);
        var zeroAllowed = desiredWeight == maxWeight || desiredWeight == 0 || (specReplicas == 1 && maxSurge == 0);

        var options = new List<(int Canary, int Total)>();
        if (ceil < specReplicas || zeroAllowed)
        {
            options.Add((ceil, specReplicas));
        }

        if (!Tied(desiredWeight, maxWeight, specReplicas) && (floor != 0 || zeroAllowed))
        {
            options.Add((floor, specReplicas));
        }

        if (maxSurge > 0)
        {
            options.Add((ceil, specReplicas + 1));
            if (!Tied(desiredWeight, maxWeight, specReplicas + 1) && (floor != 0 || zeroAllowed))
            {
                options.Add((floor, specReplicas + 1));
            }
        }

        if (options.Count == 0)
        {
            return (0, specReplicas);
        }

        // The first of the closest options wins, as in Argo.
        var best = options[0];
        foreach (var option in options.Skip(1))
        {
            if (Delta(desiredWeight, maxWeight, option) < Delta(desiredWeight, maxWeight, best))
            {
                best = option;
            }
        }

        return (best.Canary, best.Total - best.Canary);
    }

    private static (int Canary, int Stable) Counts(
        BasicCanaryRollout rollout, int specReplicas, int maxSurge, int maxUnavailable,
        CanaryReplicaSet? newRS, CanaryReplicaSet? stableRS, IReadOnlyList<CanaryReplicaSet?> oldRSs)
    {
        var (desiredCanary, desiredStable) = ApproximateWeightedCounts(specReplicas, DesiredWeight(rollout), MaxWeight, maxSurge);
        var canary = newRS?.SpecReplicas ?? 0;
        var stable = 0;
        var stableReplicas = stableRS?.SpecReplicas ?? 0;

        // Without a stable ReplicaSet distinct from the new one there are no steps to follow: the new one goes to 100%.
        var scaleStable = stableRS is not null && (newRS is null || newRS.Name != stableRS.Name);
        if (scaleStable)
        {
            stable = stableReplicas;
        }
        else
        {
            (desiredCanary, desiredStable) = (specReplicas, 0);
        }

        var maxAllowed = specReplicas + maxSurge;
        var current = Total(oldRSs) + (newRS?.SpecReplicas ?? 0) + (scaleStable ? stableReplicas : 0);
        var scaleUp = maxAllowed - current;

        if (scaleStable && stableReplicas < desiredStable && scaleUp > 0)
        {
            if (stableReplicas + scaleUp < desiredStable)
            {
                stable = stableReplicas + scaleUp;
                scaleUp = 0;
            }
            else
            {
                stable = desiredStable;
                scaleUp -= desiredStable - stableReplicas;
            }
        }

        if (newRS is not null && newRS.SpecReplicas < desiredCanary && scaleUp > 0)
        {
            canary = Math.Min(newRS.SpecReplicas + scaleUp, desiredCanary);
        }

        // Older ReplicaSets are scaled down first, before the canary or stable shrink.
        if (Total(oldRSs) > 0)
        {
            return (canary, stable);
        }

        var minAvailable = specReplicas - maxUnavailable;

        // Growing the canary may ignore the stable's availability; shrinking it (an abort) may ignore the canary's.
        var isIncreasing = newRS is null || desiredCanary >= newRS.SpecReplicas;
        var toScaleDown = ReplicasForScaleDown(newRS, !isIncreasing) + ReplicasForScaleDown(stableRS, isIncreasing);
        if (toScaleDown <= minAvailable)
        {
            return (canary, stable);
        }

        var scaleDown = toScaleDown - minAvailable;
        if (!isIncreasing)
        {
            canary = ScaleDownCount(newRS, desiredCanary, scaleDown, canary);
            (canary, stable) = WithinLimits(newRS, stableRS, canary, stable, maxAllowed, minAvailable);
        }
        else if (scaleStable)
        {
            stable = ScaleDownCount(stableRS, desiredStable, scaleDown, stable);
            (stable, canary) = WithinLimits(stableRS, newRS, stable, canary, maxAllowed, minAvailable);
        }

        return (canary, stable);
    }

    /// <summary>The setWeight in force: 100 once promoted fully or with no stable yet, 0 on abort, else the last setWeight up to the current step.</summary>
    private static int DesiredWeight(BasicCanaryRollout rollout)
    {
        if (rollout.PromoteFull || rollout.StableRS.Length == 0 || rollout.CurrentPodHash == rollout.StableRS)
        {
            return MaxWeight;
        }

        if (rollout.Abort)
        {
            return 0;
        }

        var index = rollout.CurrentStepIndex ?? 0;
        if (rollout.StepWeights.Count == 0 || index >= rollout.StepWeights.Count)
        {
            return MaxWeight;
        }

        for (var i = index; i >= 0; i--)
        {
            if (rollout.StepWeights[i] is { } weight)
            {
                return weight;
            }
        }

        return 0;
    }

    /// <summary>replicasetutil.MaxUnavailable for a canary: the resolved maxUnavailable, at most the replicas; 0 for none.</summary>
    public static int MaxUnavailable(int replicas, IntOrPercent maxSurge, IntOrPercent maxUnavailable) =>
        replicas == 0 || Fenceposts(maxSurge, maxUnavailable, replicas) is not var (_, unavailable) ? 0 : Math.Min(unavailable, replicas);

    /// <summary>maxSurge rounds up, maxUnavailable down; when both come to zero, one pod may be unavailable.</summary>
    private static (int Surge, int Unavailable)? Fenceposts(IntOrPercent maxSurge, IntOrPercent maxUnavailable, int replicas)
    {
        if (maxSurge.Resolve(replicas, roundUp: true) is not { } surge || maxUnavailable.Resolve(replicas, roundUp: false) is not { } unavailable)
        {
            return null;
        }

        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    private static int Total(IEnumerable<CanaryReplicaSet?> replicaSets) => replicaSets.Sum(rs => rs?.SpecReplicas ?? 0);

    /// <summary>Replicas a ReplicaSet counts for when scaling down: its spec when it is already shrinking or availability may be ignored, else its available pods.</summary>
    private static int ReplicasForScaleDown(CanaryReplicaSet? rs, bool ignoreAvailability) =>
        rs is null ? 0
        : rs.SpecReplicas < rs.AvailableReplicas || ignoreAvailability ? rs.SpecReplicas
        : rs.AvailableReplicas;

    private static int ScaleDownCount(CanaryReplicaSet? drain, int desired, int scaleDown, int current) =>
        drain is not null && drain.SpecReplicas > desired ? Math.Max(desired, drain.SpecReplicas - scaleDown) : current;

    /// <summary>Keeps the pair within maxSurge, giving back to the adjusted ReplicaSet what availability requires.</summary>
    private static (int Drain, int Adjust) WithinLimits(
        CanaryReplicaSet? drainRS, CanaryReplicaSet? adjustRS, int drain, int adjust, int maxAllowed, int minAvailable)
    {
        var overLimit = Math.Max(0, adjust + drain - maxAllowed);
        var available = drainRS is null ? 0 : Math.Min(drainRS.AvailableReplicas, drain);
        if (adjustRS is null)
        {
            return (drain, adjust);
        }

        adjust -= overLimit;
        available += Math.Min(adjustRS.AvailableReplicas, adjust);
        var lostAvailability = Math.Max(0, adjustRS.AvailableReplicas - adjust);
        var stillNeeded = Math.Max(0, minAvailable - available);
        adjust += Math.Min(lostAvailability, stillNeeded);
        overLimit = Math.Max(0, adjust + drain - maxAllowed);
        return (drain - overLimit, adjust);
    }

    private static bool Tied(int desiredWeight, int maxWeight, int totalReplicas)
    {
        var product = totalReplicas * ((double)desiredWeight / maxWeight);
        return product - Math.Truncate(product) == 0.5;
    }

    private static double Delta(int desiredWeight, int maxWeight, (int Canary, int Total) option) =>
        Math.Abs(((double)(option.Canary * maxWeight) / option.Total) - desiredWeight);
}
