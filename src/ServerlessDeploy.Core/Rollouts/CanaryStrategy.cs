using System.Collections.Immutable;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// spec.strategy.canary without a traffic router: weights are replica ratios. MaxSurge and MaxUnavailable default to
/// 25 %, as Argo Rollouts defaults them.
/// </summary>
/// <param name="CanaryService">The Service whose selector follows the canary's pod-template hash; null when unset.</param>
/// <param name="StableService">The Service whose selector follows the stable pod-template hash; null when unset.</param>
/// <param name="Steps">The steps in order; none means straight to 100 %.</param>
internal sealed record CanaryStrategy(
    string? CanaryService,
    string? StableService,
    IntOrPercent MaxSurge,
    IntOrPercent MaxUnavailable,
    ImmutableArray<CanaryStep> Steps)
{
    public static readonly IntOrPercent DefaultMaxSurge = IntOrPercent.Of("25%");
    public static readonly IntOrPercent DefaultMaxUnavailable = IntOrPercent.Of("25%");
}
