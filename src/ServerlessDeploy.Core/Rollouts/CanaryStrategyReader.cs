using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// spec.strategy.canary, checked as Argo Rollouts validates it for a canary without a traffic router: maxSurge and
/// maxUnavailable not both zero, two different Services, scaleDownDelaySeconds and dynamicStableScale refused (they
/// need a traffic router, and Argo refuses them without one), and each step.
/// </summary>
internal static class CanaryStrategyReader
{
    private const string Path = "spec.strategy.canary";

    public static bool TryRead(JsonObject canary, [NotNullWhen(true)] out CanaryStrategy? strategy, [NotNullWhen(false)] out RolloutFieldError? error)
    {
        error = Read(canary, out strategy);
        error ??= strategy is null ? RolloutFieldError.Invalid(Path, canary.ToJsonString(), "could not be read") : null;
        return error is null;
    }

    private static RolloutFieldError? Read(JsonObject canary, out CanaryStrategy? strategy)
    {
        strategy = null;
        RolloutFieldError?[] problems =
        [
            RolloutFields.Check(canary, Path, RolloutFields.Canary, RolloutFields.CanaryNotYet),
            NeedsTrafficRouter(canary),
            RolloutValues.Name(canary["canaryService"], $"{Path}.canaryService", out var canaryService),
            RolloutValues.Name(canary["stableService"], $"{Path}.stableService", out var stableService),
            RolloutValues.Replicas(canary["maxSurge"], $"{Path}.maxSurge", CanaryStrategy.DefaultMaxSurge, out var maxSurge),
            RolloutValues.Replicas(canary["maxUnavailable"], $"{Path}.maxUnavailable", CanaryStrategy.DefaultMaxUnavailable, out var maxUnavailable),
            RolloutValues.Integer(canary["abortScaleDownDelaySeconds"], $"{Path}.abortScaleDownDelaySeconds", 0, 0, out _),
            RolloutValues.Integer(canary["minPodsPerReplicaSet"], $"{Path}.minPodsPerReplicaSet", 0, 0, out _),
            Steps(canary["steps"], out var steps),
        ];
        var error = problems.FirstOrDefault(problem => problem is not null);
        if (error is not null)
        {
            return error;
        }

        if (maxSurge.IsZero && maxUnavailable.IsZero)
        {
            return RolloutFieldError.Invalid($"{Path}.maxSurge", maxSurge.ToString(), "MaxSurge and MaxUnavailable both can not be zero");
        }

        if (canaryService is not null && canaryService == stableService)
        {
            return RolloutFieldError.Invalid($"{Path}.stableService", stableService,
                "This rollout uses the same service for the stable and canary services, but two different services are required.");
        }

        strategy = new CanaryStrategy(canaryService, stableService, maxSurge, maxUnavailable, steps);
        return null;
    }

    private static RolloutFieldError? NeedsTrafficRouter(JsonObject canary)
    {
        if (canary["scaleDownDelaySeconds"] is { } delay)
        {
            return RolloutFieldError.Invalid($"{Path}.scaleDownDelaySeconds", delay.ToJsonString(), "Canary scaleDownDelaySeconds can only be used with traffic routing");
        }

        if (RolloutValues.Boolean(canary["dynamicStableScale"], $"{Path}.dynamicStableScale", out var dynamic) is { } error)
        {
            return error;
        }

        return dynamic
            ? RolloutFieldError.Invalid($"{Path}.dynamicStableScale", "true", "Canary dynamicStableScale can only be used with traffic routing")
            : null;
    }

    private static RolloutFieldError? Steps(JsonNode? node, out ImmutableArray<CanaryStep> steps)
    {
        steps = [];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray list)
        {
            return RolloutFieldError.Invalid($"{Path}.steps", node.ToJsonString(), "must be a list");
        }

        var read = ImmutableArray.CreateBuilder<CanaryStep>(list.Count);
        for (var index = 0; index < list.Count; index++)
        {
            if (!CanaryStepReader.TryRead(list[index], $"{Path}.steps[{index}]", out var step, out var error))
            {
                return error;
            }

            read.Add(step);
        }

        steps = read.MoveToImmutable();
        return null;
    }
}
